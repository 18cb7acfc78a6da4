package org.aasr.donations.internal;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Card payments with Stripe: on when {@code AASR_STRIPE_SECRET_KEY} is set, otherwise every gift is
 * a pledge.
 *
 * @param secretKey {@code aasr.stripe.secret.key}: Stripe's secret API key ({@code sk_test_…} to
 *     try)
 * @param webhookSecret {@code aasr.stripe.webhook.secret}: the signing secret of the webhook
 *     endpoint ({@code whsec_…})
 * @param apiBase {@code aasr.stripe.api.base}: Stripe's API address; tests point it at a local fake
 * @param toleranceSeconds {@code aasr.stripe.webhook.tolerance.seconds}: how old a signature may be
 *     (clock skew, delivery delay) before it is refused as a replay; default 300
 * @param siteUrl {@code aasr.site.url}: where Stripe sends the donor back; required with Stripe
 */
record StripeSettings(
    String secretKey, String webhookSecret, String apiBase, long toleranceSeconds, String siteUrl) {

  static final String DEFAULT_API_BASE = "https://api.stripe.com";

  boolean enabled() {
    return secretKey != null && !secretKey.isBlank();
  }

  static StripeSettings from(Config config) {
    String site =
        text(config, "aasr.site.url").orElse("http://localhost:8080").replaceAll("/+$", "");
    return new StripeSettings(
        text(config, "aasr.stripe.secret.key").orElse(null),
        text(config, "aasr.stripe.webhook.secret").orElse(null),
        text(config, "aasr.stripe.api.base").orElse(DEFAULT_API_BASE),
        config.getOptionalValue("aasr.stripe.webhook.tolerance.seconds", Long.class).orElse(300L),
        site);
  }

  private static Optional<String> text(Config config, String name) {
    return config.getOptionalValue(name, String.class).map(String::strip).filter(s -> !s.isEmpty());
  }

  /** Never prints the secrets. */
  @Override
  public String toString() {
    return "StripeSettings[enabled=" + enabled() + ", apiBase=" + apiBase + "]";
  }
}
