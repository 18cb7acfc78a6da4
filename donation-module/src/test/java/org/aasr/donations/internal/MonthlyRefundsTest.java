package org.aasr.donations.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.aasr.donations.internal.StripeTest.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.aasr.donations.api.DonationAction;
import org.aasr.donations.api.DonationChanged;
import org.aasr.donations.api.DonationRow;
import org.aasr.donations.api.WebhookOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refunds of a monthly gift's charges ({@code charge.refunded}), with signed events through
 * Stripe's real client: the refunded month alone stops counting, once, whatever the order and
 * however often the events come; the charge is matched by the payment intent its invoice recorded,
 * or by the invoice it names.
 */
class MonthlyRefundsTest {

  private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
  private static final String SECRET = "whsec_test_" + "0123456789abcdef";

  private WireMockServer stripeApi;
  private DonationDatabase db;
  private EntityManager em;
  private DonationFixture fixture;
  private StripeSettings stripe;
  private StripeWebhooks webhooks;
  private String reference;

  @BeforeEach
  void start() {
    stripeApi = new WireMockServer(options().dynamicPort());
    stripeApi.start();
    stripeApi.stubFor(
        post(urlEqualTo("/v1/checkout/sessions"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\": \"cs_test_1\", \"object\": \"checkout.session\","
                            + " \"url\": \"https://checkout.stripe.com/c/pay/cs_test_1\"}")));
    db = new DonationDatabase();
    db.migrate();
    em = db.entityManager();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    fixture = new DonationFixture(clock);
    stripe =
        new StripeSettings("sk_test_fake", SECRET, stripeApi.baseUrl(), 300, "https://aasr.test");
    webhooks = fixture.webhooks(em, stripe, clock);
    reference =
        fixture
            .stripeService(em, stripe)
            .donate(
                DonationFixture.form("MONTHLY", "NONE", "", "", false), "198.51.100.9", Locale.US)
            .reference();
  }

  @AfterEach
  void stop() {
    em.close();
    db.close();
    stripeApi.stop();
  }

  private WebhookOutcome deliver(String payload) {
    return webhooks.stripe(payload, StripeTest.signature(payload, NOW.getEpochSecond(), SECRET));
  }

  private long raised() {
    em.clear();
    return fixture
        .service(em)
        .campaign("five-year-anniversary")
        .orElseThrow()
        .raised()
        .minorUnits();
  }

  private String firstMonthCompleted() {
    return event(
        "evt_c1",
        "checkout.session.completed",
        "{\"id\": \"cs_1\", \"object\": \"checkout.session\", \"client_reference_id\": \""
            + reference
            + "\", \"payment_status\": \"paid\", \"subscription\": \"sub_1\"}");
  }

  /** A month's invoice paid; {@code paymentIntent} null for an event that includes no payments. */
  private static String invoicePaid(
      String eventId, String invoice, String reason, String paymentIntent) {
    String payments =
        paymentIntent == null
            ? ""
            : ", \"payments\": {\"object\": \"list\", \"data\": [{\"id\": \"inpay_"
                + invoice
                + "\", \"object\": \"invoice_payment\", \"payment\": {\"type\":"
                + " \"payment_intent\", \"payment_intent\": \""
                + paymentIntent
                + "\"}}]}";
    return event(
        eventId,
        "invoice.paid",
        "{\"id\": \""
            + invoice
            + "\", \"object\": \"invoice\", \"billing_reason\": \""
            + reason
            + "\", \"amount_paid\": 5000, \"parent\": {\"type\": \"subscription_details\","
            + " \"subscription_details\": {\"subscription\": \"sub_1\"}}"
            + payments
            + "}");
  }

  private static String invoicePaymentPaid(String eventId, String invoice, String paymentIntent) {
    return event(
        eventId,
        "invoice_payment.paid",
        "{\"id\": \"inpay_"
            + invoice
            + "\", \"object\": \"invoice_payment\", \"invoice\": \""
            + invoice
            + "\", \"payment\": {\"type\": \"payment_intent\", \"payment_intent\": \""
            + paymentIntent
            + "\"}}");
  }

  /** A charge refunded in full, as an older API version sends it: naming its invoice. */
  private static String refundedNamingInvoice(String eventId, String invoice) {
    return event(
        eventId,
        "charge.refunded",
        "{\"id\": \"ch_"
            + eventId
            + "\", \"object\": \"charge\", \"refunded\": true, \"invoice\": \""
            + invoice
            + "\"}");
  }

  private long refundAudits() {
    return fixture.changes.fired.stream()
        .filter(c -> c.action() == DonationAction.DONATION_REFUNDED)
        .count();
  }

  @Test
  void aRefundOfALaterMonthsChargeMarksThatMonthRefundedAndLowersTheTotalOnce() {
    deliver(firstMonthCompleted());
    assertEquals(
        WebhookOutcome.PROCESSED,
        deliver(invoicePaid("evt_i2", "in_2", "subscription_cycle", "pi_2")));
    assertEquals(10000, raised());

    assertEquals(WebhookOutcome.PROCESSED, deliver(StripeTest.refunded("evt_r2", "pi_2")));
    assertEquals(WebhookOutcome.DUPLICATE, deliver(StripeTest.refunded("evt_r2", "pi_2")));
    assertEquals(WebhookOutcome.PROCESSED, deliver(StripeTest.refunded("evt_r2b", "pi_2")));

    assertEquals(5000, raised(), "only the refunded month stops counting");
    assertEquals(
        1,
        db.count(
            "SELECT COUNT(*) FROM donation WHERE gateway_reference = 'in_2'"
                + " AND status = 'REFUNDED'"));
    assertEquals(
        1,
        db.count(
            "SELECT COUNT(*) FROM donation WHERE reference = '"
                + reference
                + "'"
                + " AND status = 'CONFIRMED'"));
    assertEquals(1, refundAudits());
  }

  @Test
  void aRefundThatArrivesBeforeItsMonthsInvoiceEndsRefundedWithoutAReceipt() {
    deliver(firstMonthCompleted());
    int mails = fixture.mail.fired.size();

    assertEquals(WebhookOutcome.PROCESSED, deliver(StripeTest.refunded("evt_r2", "pi_2")));
    assertEquals(
        WebhookOutcome.PROCESSED,
        deliver(invoicePaid("evt_i2", "in_2", "subscription_cycle", "pi_2")));
    assertEquals(WebhookOutcome.DUPLICATE, deliver(StripeTest.refunded("evt_r2", "pi_2")));

    assertEquals(5000, raised());
    assertEquals(
        1,
        db.count(
            "SELECT COUNT(*) FROM donation WHERE gateway_reference = 'in_2'"
                + " AND status = 'REFUNDED'"));
    assertEquals(mails, fixture.mail.fired.size(), "no receipt for money given back");
  }

  @Test
  void aMonthWhoseInvoiceCameWithoutPaymentsIsMatchedByItsInvoicePayment() {
    deliver(firstMonthCompleted());
    deliver(invoicePaid("evt_i2", "in_2", "subscription_cycle", null));
    assertEquals(10000, raised());

    assertEquals(WebhookOutcome.PROCESSED, deliver(invoicePaymentPaid("evt_p2", "in_2", "pi_2")));
    assertEquals(WebhookOutcome.PROCESSED, deliver(StripeTest.refunded("evt_r2", "pi_2")));

    assertEquals(5000, raised());
    assertEquals(1, refundAudits());
  }

  @Test
  void aRefundBeforeTheInvoicePaymentThatNamesItsIntentIsAppliedWhenThatArrives() {
    deliver(firstMonthCompleted());
    deliver(invoicePaid("evt_i2", "in_2", "subscription_cycle", null));

    assertEquals(WebhookOutcome.PROCESSED, deliver(StripeTest.refunded("evt_r2", "pi_2")));
    assertEquals(10000, raised(), "not known yet: kept for later");
    assertEquals(WebhookOutcome.PROCESSED, deliver(invoicePaymentPaid("evt_p2", "in_2", "pi_2")));
    assertEquals(WebhookOutcome.DUPLICATE, deliver(invoicePaymentPaid("evt_p2", "in_2", "pi_2")));

    assertEquals(5000, raised());
    assertEquals(1, refundAudits());
  }

  @Test
  void aChargeNamingItsInvoiceIsMatchedByTheInvoiceInEitherOrder() {
    deliver(firstMonthCompleted());
    deliver(invoicePaid("evt_i2", "in_2", "subscription_cycle", null));
    assertEquals(WebhookOutcome.PROCESSED, deliver(refundedNamingInvoice("evt_r2", "in_2")));
    assertEquals(5000, raised());

    // The third month's refund comes first: the month arrives refunded.
    assertEquals(WebhookOutcome.PROCESSED, deliver(refundedNamingInvoice("evt_r3", "in_3")));
    deliver(invoicePaid("evt_i3", "in_3", "subscription_cycle", null));
    assertEquals(5000, raised());
    assertEquals(2, refundAudits());
  }

  @Test
  void theFirstMonthsChargeIsFoundByThePaymentIntentOfItsFirstInvoice() {
    // The first invoice may come before or after the Checkout's completion: both orders.
    assertEquals(
        WebhookOutcome.PROCESSED,
        deliver(invoicePaidWithMetadata("evt_i1", "in_1", "pi_1", reference)));
    deliver(firstMonthCompleted());
    assertEquals(5000, raised());

    assertEquals(WebhookOutcome.PROCESSED, deliver(StripeTest.refunded("evt_r1", "pi_1")));

    assertEquals(0, raised());
    assertEquals(
        1,
        db.count(
            "SELECT COUNT(*) FROM donation WHERE reference = '"
                + reference
                + "' AND status = 'REFUNDED'"));
  }

  @Test
  void theFirstMonthsRefundBeforeItsCompletionEndsRefunded() {
    assertEquals(WebhookOutcome.PROCESSED, deliver(StripeTest.refunded("evt_r1", "pi_1")));
    deliver(invoicePaidWithMetadata("evt_i1", "in_1", "pi_1", reference));
    deliver(firstMonthCompleted());

    assertEquals(0, raised());
    assertEquals(
        1,
        db.count(
            "SELECT COUNT(*) FROM donation WHERE reference = '"
                + reference
                + "' AND status = 'REFUNDED'"));
  }

  /** The first invoice, whose subscription carries the donation's reference in its metadata. */
  private static String invoicePaidWithMetadata(
      String eventId, String invoice, String paymentIntent, String reference) {
    return invoicePaid(eventId, invoice, "subscription_create", paymentIntent)
        .replace(
            "\"subscription_details\": {\"subscription\": \"sub_1\"}",
            "\"subscription_details\": {\"subscription\": \"sub_1\", \"metadata\": {\"donation\":"
                + " \""
                + reference
                + "\"}}");
  }

  private String subscriptionDeleted(String eventId, String subscription, String reason) {
    return event(
        eventId,
        "customer.subscription.deleted",
        "{\"id\": \""
            + subscription
            + "\", \"object\": \"subscription\", \"status\": \"canceled\","
            + " \"metadata\": {\"donation\": \""
            + reference
            + "\"}, \"cancellation_details\": {\"reason\": \""
            + reason
            + "\"}}");
  }

  @Test
  void aSubscriptionEndedAtStripeCancelsEveryMonthAuditsItsReasonAndTellsTheDonorOnce()
      throws Exception {
    deliver(firstMonthCompleted());
    deliver(invoicePaid("evt_i2", "in_2", "subscription_cycle", "pi_2"));
    int mailsBefore = fixture.mail.fired.size();

    assertEquals(
        WebhookOutcome.PROCESSED,
        deliver(subscriptionDeleted("evt_d1", "sub_1", "payment_failed")));
    assertEquals(
        WebhookOutcome.IGNORED,
        deliver(subscriptionDeleted("evt_d2", "sub_1", "payment_failed")),
        "ended already: a second notice changes nothing");

    assertEquals(
        2,
        db.count(
            "SELECT COUNT(*) FROM donation WHERE subscription_id = 'sub_1'"
                + " AND cancelled_at IS NOT NULL AND cancel_token_hash IS NULL"));
    assertEquals(10000, raised(), "the months given still count");
    List<DonationChanged> ended =
        fixture.changes.fired.stream()
            .filter(c -> c.action() == DonationAction.MONTHLY_GIFT_ENDED)
            .toList();
    assertEquals(1, ended.size());
    assertEquals(reference, ended.get(0).subjectId());
    assertTrue(ended.get(0).summary().contains("(payment_failed)"), ended.get(0).summary());
    em.clear();
    DonationRow row = fixture.admin(em).donationRow(reference).orElseThrow();
    assertEquals(NOW, row.stoppedAt(), "the console shows it stopped");
    assertEquals("Monthly, stopped", row.frequencyText());
    assertEquals(mailsBefore + 1, fixture.mail.fired.size());
    assertTrue(
        fixture.mail.fired.get(mailsBefore).getSubject().contains("is cancelled"),
        fixture.mail.fired.get(mailsBefore).getSubject());
  }

  @Test
  void aSubscriptionEndedBeforeItsCheckoutCompletedStopsTheGiftItsMetadataNames() {
    assertEquals(
        WebhookOutcome.PROCESSED,
        deliver(subscriptionDeleted("evt_d0", "sub_1", "payment_failed")),
        "the gift does not know its subscription yet");
    assertEquals(WebhookOutcome.PROCESSED, deliver(firstMonthCompleted()));

    em.clear();
    DonationRow row = fixture.admin(em).donationRow(reference).orElseThrow();
    assertEquals(NOW, row.stoppedAt());
    assertEquals(5000, raised(), "the month given counts");
    assertEquals(
        0,
        db.count(
            "SELECT COUNT(*) FROM donation WHERE reference = '"
                + reference
                + "' AND cancel_token_hash IS NOT NULL"),
        "its receipt carries no link to stop what has stopped");
  }

  @Test
  void theEndOfASubscriptionThatIsNoGiftOfOursIsIgnored() {
    deliver(firstMonthCompleted());

    assertEquals(
        WebhookOutcome.IGNORED,
        deliver(subscriptionDeleted("evt_d3", "sub_other", "cancellation_requested")));
    assertEquals(0, db.count("SELECT COUNT(*) FROM donation WHERE cancelled_at IS NOT NULL"));
  }
}
