package org.aasr.donations.internal;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aasr.donations.api.DonationForm;
import org.aasr.donations.api.DonationRejectedException;
import org.aasr.donations.api.DonationStatus;
import org.aasr.donations.api.Frequency;

/**
 * Card gifts through Stripe Checkout, with Stripe's official client: a Checkout Session in payment
 * mode (one-time) or subscription mode (monthly), the covered fee as its own line so the donor sees
 * it before paying. The donation stays {@link DonationStatus#PENDING} until a signed webhook says
 * otherwise ({@link StripeWebhooks}).
 *
 * <p>The session is created with the donation's reference as Stripe's idempotency key, so a retry
 * never opens a second payment for one donation.
 */
class StripeGateway implements PaymentGateway {

  static final String NAME = "stripe";

  private static final Logger LOG = Logger.getLogger(StripeGateway.class.getName());

  private final StripeClient client;
  private final StripeSettings stripe;
  private final DonationSettings settings;

  StripeGateway(StripeSettings stripe, DonationSettings settings) {
    this.stripe = stripe;
    this.settings = settings;
    this.client =
        StripeClient.builder()
            .setApiKey(stripe.secretKey())
            .setApiBase(stripe.apiBase())
            .setConnectTimeout(10_000)
            .setReadTimeout(20_000)
            .setMaxNetworkRetries(2)
            .build();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public DonationStatus initialStatus() {
    return DonationStatus.PENDING;
  }

  @Override
  public String begin(Donation d) {
    boolean monthly = d.getFrequency() == Frequency.MONTHLY;
    String currency = d.getCurrency().toLowerCase(Locale.ROOT);
    SessionCreateParams.Builder params =
        SessionCreateParams.builder()
            .setMode(
                monthly ? SessionCreateParams.Mode.SUBSCRIPTION : SessionCreateParams.Mode.PAYMENT)
            .setClientReferenceId(d.getReference())
            .setCustomerEmail(d.getDonorEmail())
            .putMetadata("donation", d.getReference())
            .setSuccessUrl(stripe.siteUrl() + "/thank-you?ref=" + d.getReference())
            .setCancelUrl(stripe.siteUrl() + "/donate?campaign=" + d.getCampaign().getSlug())
            .addLineItem(
                line(
                    currency, d.getAmountMinor(), "Gift to " + d.getCampaign().getName(), monthly));
    if (d.getFeeMinor() > 0) {
      params.addLineItem(
          line(currency, d.getFeeMinor(), "Processing fee you chose to cover", monthly));
    }
    if (monthly) {
      params.setSubscriptionData(
          SessionCreateParams.SubscriptionData.builder()
              .putAllMetadata(Map.of("donation", d.getReference()))
              .build());
    } else {
      params.setPaymentIntentData(
          SessionCreateParams.PaymentIntentData.builder()
              .putAllMetadata(Map.of("donation", d.getReference()))
              .build());
    }
    try {
      Session session =
          client
              .v1()
              .checkout()
              .sessions()
              .create(
                  params.build(),
                  RequestOptions.builder()
                      .setIdempotencyKey("checkout-" + d.getReference())
                      .build());
      d.setGatewayReference(session.getId());
      return session.getUrl();
    } catch (StripeException e) {
      LOG.log(
          Level.WARNING,
          "Stripe refused or did not answer a Checkout Session: {0}",
          e.getMessage());
      // Rolls the donation back: nothing was charged and nothing is kept.
      throw new DonationRejectedException(
          Map.of(
              DonationForm.FIELD_FORM,
              "We could not reach our card processor, and nothing was charged. Please try again"
                  + " in a few minutes."));
    }
  }

  private static LineItem line(String currency, long minor, String name, boolean monthly) {
    PriceData.Builder price =
        PriceData.builder()
            .setCurrency(currency)
            .setUnitAmount(minor)
            .setProductData(PriceData.ProductData.builder().setName(name).build());
    if (monthly) {
      price.setRecurring(
          PriceData.Recurring.builder().setInterval(PriceData.Recurring.Interval.MONTH).build());
    }
    return LineItem.builder().setQuantity(1L).setPriceData(price.build()).build();
  }
}
