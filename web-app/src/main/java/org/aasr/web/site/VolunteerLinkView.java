package org.aasr.web.site;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aasr.volunteers.api.VolunteerPrivateLink;
import org.aasr.web.audit.RepeatedRefusals;
import org.aasr.web.client.PublicFormLimit;
import org.aasr.web.config.SiteSettings;
import org.omnifaces.util.Faces;

/**
 * {@code /volunteer-link}: a confirmed volunteer asks for a new private link by email, and the page
 * where a revoked link or an erasure ends.
 *
 * <p>The answer is the same whatever the address: "if it belongs to a confirmed volunteer, we have
 * sent a link". Telling an unknown address apart would let anyone find out who volunteers; so the
 * link is sent in the background, and the answer takes as long whatever the address. A plain HTML
 * form, like the sign-up's (no session, same-site posts only, Post-Redirect-Get).
 */
@Named
@RequestScoped
public class VolunteerLinkView {

  private static final Logger LOG = Logger.getLogger(VolunteerLinkView.class.getName());

  /** The most link requests waiting to be sent at once. */
  static final int MAX_WAITING = 100;

  private static final AtomicInteger WAITING = new AtomicInteger();

  @Inject VolunteerPrivateLink links;
  @Inject SiteSettings settings;
  @Inject PublicFormLimit limit;
  @Inject RepeatedRefusals refusals;
  @Resource ManagedExecutorService executor;

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
    if (VolunteerSignUpView.limited(request, "/volunteer-link", limit, refusals).isEmpty()) {
      error = VolunteerSignUpView.TOO_OFTEN;
      VolunteerSignUpView.tooOften(response);
      return;
    }
    sendInBackground(email.strip(), settings.linkBaseUrl(request));
    VolunteerSignUpView.seeOther("/volunteer-link?done=sent");
  }

  /**
   * Sends the link on the application's executor, at most {@value #MAX_WAITING} waiting at once: a
   * flood of requests drops the extra ones (logged) rather than queuing without end and delaying
   * real volunteers' links. The page says the same either way.
   */
  private void sendInBackground(String address, String siteAddress) {
    if (WAITING.incrementAndGet() > MAX_WAITING) {
      WAITING.decrementAndGet();
      LOG.warning("Too many requests for private links at once: one was dropped");
      return;
    }
    try {
      executor.execute(() -> send(address, siteAddress));
    } catch (RejectedExecutionException e) {
      WAITING.decrementAndGet();
      LOG.warning("The executor refused a private link request: it was dropped");
    }
  }

  private void send(String address, String siteAddress) {
    try {
      links.sendLink(address, siteAddress);
    } catch (RuntimeException e) {
      // Only the kind: the log must not say who asked for a link, and a database error's message
      // could quote the address.
      LOG.log(Level.WARNING, "A private link could not be sent ({0})", e.getClass().getName());
    } finally {
      WAITING.decrementAndGet();
    }
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
