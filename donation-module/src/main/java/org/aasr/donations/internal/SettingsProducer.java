package org.aasr.donations.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads the donation settings once, and chooses the payment gateway: Stripe Checkout when a secret
 * key is set, pledges otherwise.
 */
@ApplicationScoped
class SettingsProducer {

  @Produces
  @Singleton
  DonationSettings settings() {
    return DonationSettings.from(ConfigProvider.getConfig());
  }

  @Produces
  @Singleton
  StripeSettings stripeSettings() {
    return StripeSettings.from(ConfigProvider.getConfig());
  }

  @Produces
  @Singleton
  PaymentGateway gateway(StripeSettings stripe, DonationSettings settings) {
    return stripe.enabled() ? new StripeGateway(stripe, settings) : new PledgeGateway();
  }
}
