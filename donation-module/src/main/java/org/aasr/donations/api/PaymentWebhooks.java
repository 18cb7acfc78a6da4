package org.aasr.donations.api;

/**
 * The card processor's signed notifications, the only thing that confirms, fails or refunds a card
 * donation (never the donor's browser coming back). The web app passes the request body and the
 * signature header untouched: the signature covers the exact bytes.
 */
public interface PaymentWebhooks {

  /**
   * Verifies and applies one Stripe event, once however often it is delivered, in whatever order.
   *
   * @param payload the request body, exactly as received
   * @param signature the {@code Stripe-Signature} header, or null
   * @throws RuntimeException when applying it failed: answer 500 so that Stripe delivers it again
   */
  WebhookOutcome stripe(String payload, String signature);
}
