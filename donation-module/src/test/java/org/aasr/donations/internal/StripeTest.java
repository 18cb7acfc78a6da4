package org.aasr.donations.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.aasr.donations.internal.DonationFixture.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.Stripe;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.aasr.donations.api.DonationAction;
import org.aasr.donations.api.DonationForm;
import org.aasr.donations.api.DonationRejectedException;
import org.aasr.donations.api.DonationStarted;
import org.aasr.donations.api.DonationStatus;
import org.aasr.donations.api.WebhookOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Card gifts with Stripe's real Java client: Checkout Sessions against a local fake of Stripe's API
 * (WireMock), and webhooks signed by the test as Stripe signs them, on a real embedded Derby.
 */
class StripeTest {

  private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
  private static final String SECRET = "whsec_test_" + "0123456789abcdef";

  private WireMockServer stripeApi;
  private DonationDatabase db;
  private EntityManager em;
  private DonationFixture fixture;
  private StripeSettings stripe;
  private DefaultDonationService donations;
  private StripeWebhooks webhooks;

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
    donations = fixture.stripeService(em, stripe);
    webhooks = fixture.webhooks(em, stripe, clock);
  }

  @AfterEach
  void stop() {
    em.close();
    db.close();
    stripeApi.stop();
  }

  private String checkoutBody() {
    List<LoggedRequest> requests =
        stripeApi.findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
    assertEquals(1, requests.size());
    return URLDecoder.decode(requests.get(0).getBodyAsString(), StandardCharsets.UTF_8);
  }

  @Test
  void aOneTimeGiftOpensACheckoutSessionInPaymentModeAndWaitsForTheWebhook() {
    DonationStarted started = donations.donate(form(), "203.0.113.1", Locale.US);

    assertEquals("https://checkout.stripe.com/c/pay/cs_test_1", started.paymentUrl());
    assertEquals(
        DonationStatus.PENDING, donations.donation(started.reference()).orElseThrow().status());
    String body = checkoutBody();
    assertTrue(body.contains("mode=payment"), body);
    assertTrue(body.contains("line_items[0][price_data][unit_amount]=5000"), body);
    assertTrue(body.contains("line_items[0][price_data][currency]=usd"), body);
    assertTrue(body.contains("client_reference_id=" + started.reference()), body);
    assertTrue(
        body.contains("success_url=https://aasr.test/thank-you?ref=" + started.reference()), body);
    stripeApi.verify(
        postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
            .withHeader("Authorization", equalTo("Bearer sk_test_fake"))
            .withHeader("Idempotency-Key", equalTo("checkout-" + started.reference())));
    assertEquals(
        1, db.count("SELECT COUNT(*) FROM donation WHERE gateway_reference = 'cs_test_1'"));
    assertTrue(fixture.mail.fired.isEmpty(), "no receipt before the money is confirmed");
  }

  @Test
  void aMonthlyGiftWithTheFeeCoveredIsASubscriptionWithTheFeeOnItsOwnLine() {
    DonationForm f = form();
    donations.donate(
        new DonationForm(
            f.campaign(),
            f.formKey(),
            f.amount(),
            "",
            "MONTHLY",
            "Ada",
            f.email(),
            "NONE",
            "",
            "",
            false,
            true,
            false,
            ""),
        "203.0.113.1",
        Locale.US);
    String body = checkoutBody();
    assertTrue(body.contains("mode=subscription"), body);
    assertTrue(body.contains("line_items[0][price_data][recurring][interval]=month"), body);
    assertTrue(body.contains("line_items[1][price_data][unit_amount]=181"), body);
    assertTrue(body.contains("Processing fee you chose to cover"), body);
  }

  @Test
  void whenStripeCannotBeReachedNothingIsKeptAndTheDonorIsTold() {
    stripeApi.stubFor(
        post(urlEqualTo("/v1/checkout/sessions"))
            .willReturn(
                aResponse().withStatus(400).withBody("{\"error\": {\"message\": \"bad\"}}")));
    var e =
        assertThrows(
            DonationRejectedException.class,
            () -> donations.donate(form(), "203.0.113.1", Locale.US));
    assertTrue(e.errors().get(DonationForm.FIELD_FORM).contains("nothing was charged"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM donation"));
  }

  // --- webhooks ---

  static String signature(String payload, long timestamp, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String event(String id, String type, String object) {
    return "{\"id\": \""
        + id
        + "\", \"object\": \"event\", \"api_version\": \""
        + Stripe.API_VERSION
        + "\", \"type\": \""
        + type
        + "\", \"data\": {\"object\": "
        + object
        + "}}";
  }

  static String completed(String eventId, String reference, String paymentIntent) {
    return event(
        eventId,
        "checkout.session.completed",
        "{\"id\": \"cs_"
            + reference
            + "\", \"object\": \"checkout.session\","
            + " \"client_reference_id\": \""
            + reference
            + "\", \"payment_status\": \"paid\","
            + " \"payment_intent\": \""
            + paymentIntent
            + "\"}");
  }

  static String refunded(String eventId, String paymentIntent) {
    return event(
        eventId,
        "charge.refunded",
        "{\"id\": \"ch_"
            + eventId
            + "\", \"object\": \"charge\", \"refunded\": true,"
            + " \"payment_intent\": \""
            + paymentIntent
            + "\"}");
  }

  private WebhookOutcome deliver(String payload) {
    return webhooks.stripe(payload, signature(payload, NOW.getEpochSecond(), SECRET));
  }

  private String pendingGift() {
    return donations
        .donate(form(), "203.0.113." + UUID.randomUUID().hashCode() % 250, Locale.US)
        .reference();
  }

  private long raised() {
    em.clear();
    return donations.campaign("five-year-anniversary").orElseThrow().raised().minorUnits();
  }

  @Test
  void aMissingForgedOrStaleSignatureIsRefusedAndChangesNothing() {
    String reference = pendingGift();
    String payload = completed("evt_1", reference, "pi_1");

    assertEquals(WebhookOutcome.REFUSED, webhooks.stripe(payload, null));
    assertEquals(WebhookOutcome.REFUSED, webhooks.stripe(payload, ""));
    assertEquals(
        WebhookOutcome.REFUSED,
        webhooks.stripe(payload, signature(payload, NOW.getEpochSecond(), "whsec_forged")));
    assertEquals(
        WebhookOutcome.REFUSED,
        webhooks.stripe(
            payload.replace("paid", "PAID"), signature(payload, NOW.getEpochSecond(), SECRET)));
    assertEquals(
        WebhookOutcome.REFUSED,
        webhooks.stripe(
            payload,
            signature(payload, NOW.minus(Duration.ofMinutes(6)).getEpochSecond(), SECRET)));
    assertEquals(
        WebhookOutcome.REFUSED,
        webhooks.stripe("not json", signature("not json", NOW.getEpochSecond(), SECRET)));

    assertEquals(DonationStatus.PENDING, donations.donation(reference).orElseThrow().status());
    assertEquals(0, db.count("SELECT COUNT(*) FROM stripe_event"));
  }

  @Test
  void aSignatureWithinTheToleranceForClockSkewIsAccepted() {
    String reference = pendingGift();
    String payload = completed("evt_1", reference, "pi_1");
    assertEquals(
        WebhookOutcome.PROCESSED,
        webhooks.stripe(
            payload,
            signature(payload, NOW.minus(Duration.ofMinutes(4)).getEpochSecond(), SECRET)));
  }

  @Test
  void theCompletedCheckoutConfirmsTheGiftSendsTheReceiptAndIsAppliedOnce() throws Exception {
    String reference = pendingGift();

    assertEquals(WebhookOutcome.PROCESSED, deliver(completed("evt_1", reference, "pi_1")));
    assertEquals(WebhookOutcome.DUPLICATE, deliver(completed("evt_1", reference, "pi_1")));

    var d = donations.donation(reference).orElseThrow();
    assertEquals(DonationStatus.CONFIRMED, d.status());
    assertEquals("2026-000001", d.receiptNumber());
    assertEquals(5000, raised());
    List<MimeMessage> receipts = fixture.mail.fired;
    assertEquals(1, receipts.size());
    assertTrue(receipts.get(0).getSubject().contains("2026-000001"));
    assertEquals("stripe", fixture.changes.fired.get(fixture.changes.fired.size() - 1).actor());
  }

  @Test
  void aRefundAfterConfirmationLowersTheTotalOnce() {
    String reference = pendingGift();
    deliver(completed("evt_1", reference, "pi_1"));
    assertEquals(5000, raised());

    assertEquals(WebhookOutcome.PROCESSED, deliver(refunded("evt_2", "pi_1")));
    assertEquals(WebhookOutcome.DUPLICATE, deliver(refunded("evt_2", "pi_1")));
    assertEquals(WebhookOutcome.PROCESSED, deliver(refunded("evt_3", "pi_1")));

    assertEquals(0, raised());
    assertEquals(DonationStatus.REFUNDED, donations.donation(reference).orElseThrow().status());
    assertEquals(
        1,
        fixture.changes.fired.stream()
            .filter(c -> c.action() == DonationAction.DONATION_REFUNDED)
            .count());
  }

  @Test
  void aRefundDeliveredBeforeItsCompletionEndsRefunded() {
    String reference = pendingGift();

    assertEquals(WebhookOutcome.PROCESSED, deliver(refunded("evt_2", "pi_1")));
    assertEquals(WebhookOutcome.PROCESSED, deliver(completed("evt_1", reference, "pi_1")));

    assertEquals(DonationStatus.REFUNDED, donations.donation(reference).orElseThrow().status());
    assertEquals(0, raised());
    assertTrue(fixture.mail.fired.isEmpty(), "no receipt for money given back");
  }

  @Test
  void anExpiredCheckoutFailsThePendingGift() {
    String reference = pendingGift();
    assertEquals(
        WebhookOutcome.PROCESSED,
        deliver(
            event(
                "evt_9",
                "checkout.session.expired",
                "{\"id\": \"cs_1\", \"object\": \"checkout.session\", \"client_reference_id\": \""
                    + reference
                    + "\", \"payment_status\": \"unpaid\"}")));
    assertEquals(DonationStatus.FAILED, donations.donation(reference).orElseThrow().status());
  }

  @Test
  void eachLaterMonthOfAMonthlyGiftIsADonationWithItsOwnReceipt() {
    String reference = pendingGift();
    db.update("UPDATE donation SET frequency = 'MONTHLY' WHERE reference = '" + reference + "'");
    deliver(
        event(
            "evt_1",
            "checkout.session.completed",
            "{\"id\": \"cs_1\", \"object\": \"checkout.session\", \"client_reference_id\": \""
                + reference
                + "\", \"payment_status\": \"paid\", \"subscription\": \"sub_1\"}"));
    String invoice =
        event(
            "evt_2",
            "invoice.paid",
            "{\"id\": \"in_2\", \"object\": \"invoice\", \"billing_reason\": \"subscription_cycle\","
                + " \"amount_paid\": 5000, \"parent\": {\"type\": \"subscription_details\","
                + " \"subscription_details\": {\"subscription\": \"sub_1\"}}}");
    assertEquals(WebhookOutcome.PROCESSED, deliver(invoice));
    assertEquals(WebhookOutcome.DUPLICATE, deliver(invoice));

    assertEquals(10000, raised());
    assertEquals(2, db.count("SELECT COUNT(*) FROM donation WHERE status = 'CONFIRMED'"));
    assertEquals(2, fixture.mail.fired.size());
  }

  /** The integrity case: 200 confirmations delivered concurrently, then all again. */
  @Test
  void twoHundredConcurrentConfirmationsGiveExactly200ConfirmedAndTheExactTotal() throws Exception {
    int gifts = 200;
    List<String> references = new ArrayList<>();
    long expected = 0;
    try (Connection c = db.dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO donation (reference, form_key, campaign_id, amount_minor, currency,"
                    + " frequency, status, gateway, donor_name, donor_email, dedication, created_at)"
                    + " VALUES (?, ?, 1, ?, 'USD', 'ONE_TIME', 'PENDING', 'stripe', 'Donor', ?,"
                    + " 'NONE', CURRENT_TIMESTAMP)")) {
      for (int i = 0; i < gifts; i++) {
        String reference = UUID.randomUUID().toString();
        references.add(reference);
        long amount = 500 + i * 7L; // every amount different, so a lost or doubled one shows
        expected += amount;
        insert.setString(1, reference);
        insert.setString(2, reference);
        insert.setLong(3, amount);
        insert.setString(4, "donor" + i + "@example.org");
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }

    for (int round = 1; round <= 2; round++) {
      List<WebhookOutcome> outcomes = deliverConcurrently(references);
      WebhookOutcome expectedOutcome =
          round == 1 ? WebhookOutcome.PROCESSED : WebhookOutcome.DUPLICATE;
      assertEquals(
          gifts, outcomes.stream().filter(o -> o == expectedOutcome).count(), "round " + round);
      assertEquals(gifts, db.count("SELECT COUNT(*) FROM donation WHERE status = 'CONFIRMED'"));
      assertEquals(gifts, db.count("SELECT COUNT(DISTINCT receipt_number) FROM donation"));
      assertEquals(expected, raised());
      assertEquals(gifts, fixture.mail.fired.size(), "one receipt each");
    }
  }

  private List<WebhookOutcome> deliverConcurrently(List<String> references) throws Exception {
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<EntityManager> managers = new ArrayList<>();
    ThreadLocal<StripeWebhooks> perThread =
        ThreadLocal.withInitial(
            () -> {
              EntityManager own = db.entityManager();
              synchronized (managers) {
                managers.add(own);
              }
              return fixture.webhooks(own, stripe, Clock.fixed(NOW, ZoneOffset.UTC));
            });
    CountDownLatch start = new CountDownLatch(1);
    List<Future<WebhookOutcome>> results = new ArrayList<>();
    for (int i = 0; i < references.size(); i++) {
      String payload = completed("evt_" + i, references.get(i), "pi_" + i);
      results.add(
          pool.submit(
              () -> {
                start.await();
                return perThread
                    .get()
                    .stripe(payload, signature(payload, NOW.getEpochSecond(), SECRET));
              }));
    }
    start.countDown();
    List<WebhookOutcome> outcomes = new ArrayList<>();
    for (Future<WebhookOutcome> result : results) {
      outcomes.add(result.get());
    }
    pool.shutdown();
    managers.forEach(EntityManager::close);
    return outcomes;
  }
}
