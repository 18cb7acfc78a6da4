package org.aasr.donations.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.aasr.donations.internal.DonationFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aasr.donations.api.DonationAction;
import org.aasr.donations.api.DonationStatus;
import org.aasr.donations.api.MonthlyGift;
import org.aasr.donations.api.MonthlyGifts.CancelOutcome;
import org.aasr.donations.api.WebhookOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A monthly donor's private cancel link: in the receipt, stored as a hash, used once; a card gift's
 * Stripe subscription cancelled through Stripe's real client against a local fake of its API.
 */
class MonthlyGiftsTest {

  private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
  private static final String SECRET = "whsec_test_" + "0123456789abcdef";
  private static final Pattern LINK =
      Pattern.compile("https://aasr\\.test/donate/monthly/([A-Za-z0-9_-]{43})");

  private WireMockServer stripeApi;
  private DonationDatabase db;
  private EntityManager em;
  private DonationFixture fixture;
  private StripeSettings stripe;
  private DefaultMonthlyGifts monthly;

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
    stripeApi.stubFor(
        delete(urlEqualTo("/v1/subscriptions/sub_1"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\": \"sub_1\", \"object\": \"subscription\","
                            + " \"status\": \"canceled\"}")));
    db = new DonationDatabase();
    db.migrate();
    em = db.entityManager();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    var base = DonationSettings.defaults(java.util.Currency.getInstance("USD"));
    fixture =
        new DonationFixture(
            clock,
            new DonationSettings(
                base.currency(),
                base.minimum(),
                base.maximum(),
                base.feeBasisPoints(),
                base.feePercent(),
                base.feeFixed(),
                base.attemptsPerAddress(),
                base.attemptsPerEmail(),
                base.attemptWindow(),
                base.zone(),
                base.organisation(),
                "https://aasr.test"));
    stripe =
        new StripeSettings("sk_test_fake", SECRET, stripeApi.baseUrl(), 300, "https://aasr.test");
    monthly = fixture.monthlyGifts(em, stripe);
  }

  @AfterEach
  void stop() {
    em.close();
    db.close();
    stripeApi.stop();
  }

  private static String token(MimeMessage message) {
    Matcher m = LINK.matcher(text(message));
    assertTrue(m.find(), "the email carries the private link: " + text(message));
    return m.group(1);
  }

  private MimeMessage lastMail() {
    return fixture.mail.fired.get(fixture.mail.fired.size() - 1);
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

  /** A monthly pledge confirmed by staff; its receipt's token. */
  private String confirmedMonthlyPledge() {
    String ref =
        fixture
            .service(em)
            .donate(
                DonationFixture.form("MONTHLY", "NONE", "", "", false), "198.51.100.1", Locale.US)
            .reference();
    fixture.admin(em).confirmPledge(ref);
    return token(lastMail());
  }

  /** A monthly card gift whose first month Stripe confirmed; its receipt's token. */
  private String confirmedMonthlyCardGift() {
    String ref =
        fixture
            .stripeService(em, stripe)
            .donate(
                DonationFixture.form("MONTHLY", "NONE", "", "", false), "198.51.100.2", Locale.US)
            .reference();
    String payload =
        StripeTest.event(
            "evt_1",
            "checkout.session.completed",
            "{\"id\": \"cs_1\", \"object\": \"checkout.session\", \"client_reference_id\": \""
                + ref
                + "\", \"payment_status\": \"paid\", \"subscription\": \"sub_1\"}");
    assertEquals(
        WebhookOutcome.PROCESSED,
        fixture
            .webhooks(em, stripe, fixture.clock)
            .stripe(payload, StripeTest.signature(payload, NOW.getEpochSecond(), SECRET)));
    return token(lastMail());
  }

  @Test
  void aOneTimeReceiptCarriesNoCancelLink() {
    String ref =
        fixture
            .service(em)
            .donate(
                DonationFixture.form("ONE_TIME", "NONE", "", "", false), "198.51.100.3", Locale.US)
            .reference();
    fixture.admin(em).confirmPledge(ref);
    assertFalse(text(lastMail()).contains("/donate/monthly/"), text(lastMail()));
    assertEquals(0, db.count("SELECT COUNT(*) FROM donation WHERE cancel_token_hash IS NOT NULL"));
  }

  @Test
  void theReceiptsLinkIsStoredOnlyAsItsHashAndShowsTheGift() {
    String token = confirmedMonthlyPledge();

    assertEquals(
        1,
        db.count(
            "SELECT COUNT(*) FROM donation WHERE cancel_token_hash = '"
                + Tokens.hash(token)
                + "'"));
    assertEquals(
        0, db.count("SELECT COUNT(*) FROM donation WHERE cancel_token_hash = '" + token + "'"));
    MonthlyGift gift = monthly.find(token).orElseThrow();
    assertEquals("Five Year Anniversary", gift.campaignName());
    assertEquals(5000, gift.amount().minorUnits());
    assertFalse(gift.byCard());
  }

  @Test
  void aPledgedMonthlyGiftIsCancelledOnceAuditedAndConfirmedByEmail() {
    String token = confirmedMonthlyPledge();
    int mailsBefore = fixture.mail.fired.size();

    assertEquals(CancelOutcome.CANCELLED, monthly.cancel(token));

    assertEquals(1, db.count("SELECT COUNT(*) FROM donation WHERE cancelled_at IS NOT NULL"));
    assertEquals(5000, raised(), "the month already given stays counted");
    assertEquals(mailsBefore + 1, fixture.mail.fired.size());
    assertTrue(text(lastMail()).contains("is cancelled"), text(lastMail()));
    assertEquals(
        DonationAction.MONTHLY_GIFT_CANCELLED,
        fixture.changes.fired.get(fixture.changes.fired.size() - 1).action());
    // The link is used up: it shows nothing and changes nothing.
    assertTrue(monthly.find(token).isEmpty());
    assertEquals(CancelOutcome.UNKNOWN, monthly.cancel(token));
    assertEquals(mailsBefore + 1, fixture.mail.fired.size());
  }

  @Test
  void aPledgeNotYetPaidIsGivenUpWhenCancelled() {
    String ref =
        fixture
            .service(em)
            .donate(
                DonationFixture.form("MONTHLY", "NONE", "", "", false), "198.51.100.4", Locale.US)
            .reference();
    String token = token(lastMail()); // the pledge's acknowledgement carries the link too

    assertEquals(CancelOutcome.CANCELLED, monthly.cancel(token));
    em.clear();
    assertEquals(DonationStatus.FAILED, fixture.service(em).donation(ref).orElseThrow().status());
  }

  @Test
  void aMonthlyCardGiftCancelsItsStripeSubscription() {
    String token = confirmedMonthlyCardGift();
    assertTrue(monthly.find(token).orElseThrow().byCard());

    assertEquals(CancelOutcome.CANCELLED, monthly.cancel(token));

    stripeApi.verify(
        1,
        deleteRequestedFor(urlEqualTo("/v1/subscriptions/sub_1"))
            .withHeader("Authorization", equalTo("Bearer sk_test_fake")));
    assertEquals(
        1,
        db.count(
            "SELECT COUNT(*) FROM donation WHERE subscription_id = 'sub_1'"
                + " AND cancelled_at IS NOT NULL AND status = 'CONFIRMED'"));
    assertEquals(CancelOutcome.UNKNOWN, monthly.cancel(token));
    stripeApi.verify(1, deleteRequestedFor(urlEqualTo("/v1/subscriptions/sub_1")));
  }

  @Test
  void whenStripeRefusesTheCancellationNothingChangesAndTheLinkStillWorks() {
    String token = confirmedMonthlyCardGift();
    stripeApi.stubFor(
        delete(urlEqualTo("/v1/subscriptions/sub_1"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\": {\"type\": \"invalid_request_error\","
                            + " \"message\": \"No such subscription\"}}")));
    int mailsBefore = fixture.mail.fired.size();

    assertEquals(CancelOutcome.PROCESSOR_UNAVAILABLE, monthly.cancel(token));

    assertEquals(0, db.count("SELECT COUNT(*) FROM donation WHERE cancelled_at IS NOT NULL"));
    assertEquals(mailsBefore, fixture.mail.fired.size());
    em.clear();
    assertNotNull(monthly.find(token).orElse(null));
  }

  @Test
  void aMadeUpOrMalformedTokenChangesNothing() {
    confirmedMonthlyPledge();
    String madeUp = Tokens.newToken();

    assertTrue(monthly.find(madeUp).isEmpty());
    assertEquals(CancelOutcome.UNKNOWN, monthly.cancel(madeUp));
    assertEquals(CancelOutcome.UNKNOWN, monthly.cancel("short"));
    assertEquals(CancelOutcome.UNKNOWN, monthly.cancel(null));
    assertEquals(CancelOutcome.UNKNOWN, monthly.cancel("' OR 1=1 --" + "x".repeat(32)));
    assertEquals(0, db.count("SELECT COUNT(*) FROM donation WHERE cancelled_at IS NOT NULL"));
  }
}
