package org.aasr.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.aasr.web.config.SiteSettings;

/** Builds the absolute URLs that the site template puts in canonical links and Open Graph tags. */
@Named
@RequestScoped
public class PageMeta {

  @Inject SiteSettings settings;
  @Inject HttpServletRequest request;

  /** The absolute URL of a site path such as {@code /stories}. */
  public String absolute(String path) {
    return settings.baseUrl(request) + (path == null || path.isEmpty() ? "/" : path);
  }
}
