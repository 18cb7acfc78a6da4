package org.aasr.donations.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.aasr.donations.internal.DonationFixture.text;
import static org.aasr.donations.internal.DonationFixture.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.aasr.donations.api.WebhookOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The person a gift honours is told once, when the money is confirmed: by staff for a pledge, by
 * Stripe's webhook for a card gift, however often the webhook comes and however many months follow.
 */
class DedicationNoticeTest {

  private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
  private static final String SECRET = "whsec_test_" + "0123456789abcdef";
  private static final String HONOURED = "grace@example.org";

  private WireMockServer stripeApi;
  private DonationDatabase db;
  private EntityManager em;
  private DonationFixture fixture;
  private StripeSettings stripe;
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
    webhooks = fixture.webhooks(em, stripe, clock);
  }

  @AfterEach
  void stop() {
    em.close();
    db.close();
    stripeApi.stop();
  }

  private List<MimeMessage> notices() {
    return fixture.mail.fired.stream().filter(m -> to(m).equals(HONOURED)).toList();
  }

  private WebhookOutcome deliver(String payload) {
    return webhooks.stripe(payload, StripeTest.signature(payload, NOW.getEpochSecond(), SECRET));
  }

  @Test
  void aPledgeConfirmedByStaffTellsThePersonOnceWithTheDonorsNameAndNoAmount() {
    String ref =
        fixture
            .service(em)
            .donate(
                DonationFixture.form("ONE_TIME", "MEMORY", "Ann Smith", HONOURED, false),
                "198.51.100.1",
                Locale.US)
            .reference();
    assertTrue(notices().isEmpty(), "not before the money arrives");

    fixture.admin(em).confirmPledge(ref);
    fixture.admin(em).resendReceipt(ref);

    assertEquals(1, notices().size());
    MimeMessage notice = notices().get(0);
    String text = text(notice);
    assertTrue(text.contains("Ada Lovelace has made a gift"), text);
    assertTrue(text.contains("in memory of Ann Smith"), text);
    assertFalse(text.contains("$") || text.contains("50.00"), "never the amount: " + text);
    assertEquals(
        1, db.count("SELECT COUNT(*) FROM donation WHERE dedication_notified_at IS NOT NULL"));
  }

  @Test
  void anAnonymousDonorIsNotNamed() {
    String ref =
        fixture
            .service(em)
            .donate(
                DonationFixture.form("ONE_TIME", "HONOUR", "Grace", HONOURED, true),
                "198.51.100.2",
                Locale.US)
            .reference();
    fixture.admin(em).confirmPledge(ref);

    String text = text(notices().get(0));
    assertFalse(text.contains("Ada"), text);
    assertTrue(text.contains("Someone who chose to stay anonymous"), text);
  }

  @Test
  void noNoticeWithoutAnAddressToSendItTo() {
    String ref =
        fixture
            .service(em)
            .donate(
                DonationFixture.form("ONE_TIME", "HONOUR", "Grace", "", false),
                "198.51.100.3",
                Locale.US)
            .reference();
    fixture.admin(em).confirmPledge(ref);
    assertEquals(1, fixture.mail.fired.size() - 1, "only the receipt after the pledge's email");
  }

  @Test
  void aCardGiftsWebhookDeliveredTwiceAndItsLaterMonthsTellThePersonOnce() {
    String ref =
        fixture
            .stripeService(em, stripe)
            .donate(
                DonationFixture.form("MONTHLY", "HONOUR", "Grace", HONOURED, false),
                "198.51.100.4",
                Locale.US)
            .reference();
    String completed =
        StripeTest.event(
            "evt_1",
            "checkout.session.completed",
            "{\"id\": \"cs_1\", \"object\": \"checkout.session\", \"client_reference_id\": \""
                + ref
                + "\", \"payment_status\": \"paid\", \"subscription\": \"sub_1\"}");
    String completedAgain = completed.replace("evt_1", "evt_1b"); // Stripe's retry has a new id
    String month =
        StripeTest.event(
            "evt_2",
            "invoice.paid",
            "{\"id\": \"in_2\", \"object\": \"invoice\", \"billing_reason\": \"subscription_cycle\","
                + " \"amount_paid\": 5000, \"parent\": {\"type\": \"subscription_details\","
                + " \"subscription_details\": {\"subscription\": \"sub_1\"}}}");

    assertEquals(WebhookOutcome.PROCESSED, deliver(completed));
    assertEquals(WebhookOutcome.DUPLICATE, deliver(completed));
    assertEquals(WebhookOutcome.PROCESSED, deliver(completedAgain));
    assertEquals(WebhookOutcome.PROCESSED, deliver(month));

    assertEquals(1, notices().size());
    assertEquals(2, db.count("SELECT COUNT(*) FROM donation WHERE status = 'CONFIRMED'"));
  }
}
