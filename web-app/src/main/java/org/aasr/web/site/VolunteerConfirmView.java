package org.aasr.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aasr.volunteers.api.Confirmation;
import org.aasr.volunteers.api.VolunteerService;
import org.aasr.web.config.SiteSettings;
import org.omnifaces.util.Faces;

/**
 * The page the confirmation email links to, {@code /volunteer-confirm?token=…}.
 *
 * <p>Opening the link only shows a button; pressing it (a POST) confirms. Mail scanners and link
 * previews open links by themselves, and must not confirm anyone. A used, replaced, expired or
 * made-up link gets a page that says which, and changes nothing. The token is never written to a
 * log or to another page, and the page is not cached.
 */
@Named
@RequestScoped
public class VolunteerConfirmView {

  @Inject VolunteerService volunteers;
  @Inject SiteSettings settings;

  private String token;
  private Confirmation state;
  private boolean done;

  /** Shows where the link stands, or confirms on the button's post. */
  public void load() {
    HttpServletRequest request = Faces.getRequest();
    HttpServletResponse response = Faces.getResponse();
    response.setHeader("Cache-Control", "no-store");
    token = request.getParameter("token");
    if ("POST".equals(request.getMethod())) {
      if (!VolunteerSignUpView.sameOrigin(request)) {
        state = Confirmation.UNKNOWN;
        return;
      }
      state = volunteers.confirm(token, settings.linkBaseUrl(request));
      if (state == Confirmation.CONFIRMED) {
        VolunteerSignUpView.seeOther("/volunteer-confirm?done=true");
      }
      return;
    }
    done = "true".equals(request.getParameter("done"));
    state = done ? null : volunteers.checkConfirmation(token);
  }

  public String getToken() {
    return token;
  }

  /** What the link would do or did: CONFIRMED (ready to confirm), USED, EXPIRED or UNKNOWN. */
  public String getState() {
    return state == null ? null : state.name();
  }

  public boolean isDone() {
    return done;
  }
}
