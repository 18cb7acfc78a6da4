package org.aasr.donations.internal;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;

/**
 * Stops a monthly card gift's Stripe subscription with Stripe's client, at once (no proration, no
 * final invoice): the donor asked for no further charge.
 */
class StripeSubscriptions {

  private final StripeClient client;

  StripeSubscriptions(StripeSettings stripe) {
    this.client =
        StripeClient.builder()
            .setApiKey(stripe.secretKey())
            .setApiBase(stripe.apiBase())
            .setConnectTimeout(10_000)
            .setReadTimeout(20_000)
            .setMaxNetworkRetries(2)
            .build();
  }

  /**
   * Cancels a subscription (Stripe takes no idempotency key on a DELETE; cancelling twice fails the
   * second time, which the caller's lock on the donation prevents).
   *
   * @return the subscription's status afterwards, {@code canceled} when done
   */
  String cancel(String subscriptionId) throws StripeException {
    return client.v1().subscriptions().cancel(subscriptionId).getStatus();
  }
}
