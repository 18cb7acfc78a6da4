package org.aasr.web.giving;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;

/** Pages that must never be kept by a cache: a donation form's key, a donor's thank-you page. */
final class NoStore {

  private NoStore() {}

  /** Overrides the public pages' cache header for this response. */
  static void apply() {
    HttpServletResponse response =
        (HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse();
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Robots-Tag", "noindex");
  }
}
