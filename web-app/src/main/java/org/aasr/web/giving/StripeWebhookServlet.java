package org.aasr.web.giving;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.aasr.donations.api.PaymentWebhooks;
import org.aasr.donations.api.WebhookOutcome;

/**
 * {@code POST /webhooks/stripe}: Stripe's signed events, handed untouched to the donation module.
 * 200 once applied (or already applied), 400 for a missing, forged or stale signature, 404 when
 * Stripe is not set up, and 500 when applying failed, so that Stripe delivers the event again. The
 * answer is sent only after the transaction has committed, so a crash after a 200 loses nothing.
 */
@WebServlet("/webhooks/stripe")
public class StripeWebhookServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Stripe's events are a few kilobytes; anything far larger is not one. */
  private static final int MAX_BODY = 512 * 1024;

  @Inject transient PaymentWebhooks webhooks;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.setHeader("Cache-Control", "no-store");
    byte[] body;
    try (InputStream in = req.getInputStream()) {
      body = in.readNBytes(MAX_BODY + 1);
    }
    if (body.length > MAX_BODY) {
      res.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    WebhookOutcome outcome =
        webhooks.stripe(
            new String(body, StandardCharsets.UTF_8), req.getHeader("Stripe-Signature"));
    switch (outcome) {
      case REFUSED -> res.sendError(HttpServletResponse.SC_BAD_REQUEST);
      case NOT_CONFIGURED -> res.sendError(HttpServletResponse.SC_NOT_FOUND);
      default -> {
        res.setContentType("text/plain;charset=UTF-8");
        res.getWriter().write(outcome.name().toLowerCase(java.util.Locale.ROOT));
      }
    }
  }
}
