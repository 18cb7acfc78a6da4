package org.aasr.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aasr.volunteers.api.VolunteerPrivateLink;
import org.aasr.web.config.SiteSettings;
import org.omnifaces.util.Faces;

/**
 * {@code /volunteer-link}: a confirmed volunteer asks for a new private link by email, and the page
 * where a revoked link or an erasure ends.
 *
 * <p>The answer is the same whatever the address: "if it belongs to a confirmed volunteer, we have
 * sent a link". Telling an unknown address apart would let anyone find out who volunteers. A plain
 * HTML form, like the sign-up's (no session, same-site posts only, Post-Redirect-Get).
 */
@Named
@RequestScoped
public class VolunteerLinkView {

  @Inject VolunteerPrivateLink links;
  @Inject SiteSettings settings;

  private String email;
  private String done;
  private String error;

  /** Shows the form, or handles its post. */
  public void load() {
    HttpServletRequest request = Faces.getRequest();
    HttpServletResponse response = Faces.getResponse();
    response.setHeader("Cache-Control", "no-store");
    if (!"POST".equals(request.getMethod())) {
      done = request.getParameter("done");
      return;
    }
    email = request.getParameter("email");
    if (!VolunteerSignUpView.sameOrigin(request)) {
      error = "This form can only be sent from this site. Please try again here.";
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    if (email == null || email.isBlank()) {
      error = "Enter the email address you signed up with.";
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    links.sendLink(email.strip(), settings.linkBaseUrl(request));
    VolunteerSignUpView.seeOther("/volunteer-link?done=sent");
  }

  public String getEmail() {
    return email;
  }

  /** sent, revoked or erased after a redirect; null otherwise. */
  public String getDone() {
    return done;
  }

  public String getError() {
    return error;
  }
}
