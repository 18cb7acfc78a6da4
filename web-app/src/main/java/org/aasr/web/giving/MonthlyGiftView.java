package org.aasr.web.giving;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.aasr.donations.api.MonthlyGift;
import org.aasr.donations.api.MonthlyGifts;
import org.aasr.donations.api.MonthlyGifts.CancelOutcome;
import org.omnifaces.util.Faces;

/**
 * A monthly donor's private page, {@code /donate/monthly/{token}}, from the link in their receipt:
 * it shows the monthly gift and stops it after the donor confirms.
 *
 * <p>Like the donation form, a plain HTML form posted to the page's own address and read here (no
 * Faces state, no session, works without JavaScript). A post must say {@code confirm=yes} (the
 * button of the question the page asks), and a post from another site is refused by its {@code
 * Origin}: the token is a secret another site cannot know, but the check costs nothing. A stopped
 * gift redirects (303) to {@code /monthly-gift-cancelled}; the link is then used up, and like a
 * made-up one answers 404 with a page that says so and changes nothing.
 *
 * <p>Never kept by a cache ({@code no-store}: the page cache skips such answers) and the address is
 * sent to no other site ({@code Referrer-Policy: same-origin}).
 */
@Named
@RequestScoped
public class MonthlyGiftView {

  @Inject MonthlyGifts gifts;

  // The forwarded request (its query holds the token), not CDI's HttpServletRequest: that is the
  // original one, whose address is /donate/monthly/{token} with no parameter.
  private HttpServletRequest request;

  private String token;
  private MonthlyGift gift;
  private String error;

  /** Shows the gift, or stops it on a confirmed post. */
  public void load() {
    request = Faces.getRequest();
    HttpServletResponse response = Faces.getResponse();
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("X-Robots-Tag", "noindex");
    token = request.getParameter("token");
    gift = gifts.find(token).orElse(null);
    if (gift == null) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (!"POST".equals(request.getMethod())) {
      return;
    }
    if (!fromThisSite()) {
      error = "This form can only be sent from this site. Nothing was changed.";
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    if (!"yes".equals(request.getParameter("confirm"))) {
      error = "Choose “Yes, stop my monthly gift” to stop it. Nothing was changed.";
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    CancelOutcome outcome = gifts.cancel(token);
    switch (outcome) {
      case CANCELLED -> {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", Faces.getRequestContextPath() + "/monthly-gift-cancelled");
        Faces.responseComplete();
      }
      case UNKNOWN -> {
        gift = null; // stopped by another click meanwhile: the link is used up
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      }
      case PROCESSOR_UNAVAILABLE -> {
        error =
            "We could not reach our card processor, so your monthly gift is not stopped yet."
                + " Please try again in a few minutes, or write to us.";
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      }
    }
  }

  /** Same rule as the donation form: no {@code Origin} (not a browser) is taken. */
  private boolean fromThisSite() {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    try {
      String host = request.getHeader("Host");
      return host != null && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The page's own address, for its form. */
  public String getAction() {
    return Faces.getRequestContextPath() + "/donate/monthly/" + token;
  }

  public MonthlyGift getGift() {
    return gift;
  }

  public String getError() {
    return error;
  }
}
