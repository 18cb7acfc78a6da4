package org.aasr.donations.internal;

import static org.aasr.donations.internal.DonationFixture.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aasr.donations.api.CampaignInfo;
import org.aasr.donations.api.DonationAction;
import org.aasr.donations.api.DonationChanged;
import org.aasr.donations.api.DonationForm;
import org.aasr.donations.api.DonationRejectedException;
import org.aasr.donations.api.DonationStarted;
import org.aasr.donations.api.DonationStatus;
import org.aasr.donations.api.DonationSummary;
import org.aasr.donations.api.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Donations on a real embedded Derby with EclipseLink, the module's migrations applied. */
class DonationServiceTest {

  private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
  private static final String ADDRESS = "203.0.113.7";

  private DonationDatabase db;
  private EntityManager em;
  private DonationFixture fixture;
  private DefaultDonationService donations;
  private DefaultDonationAdmin admin;

  @BeforeEach
  void seed() {
    db = new DonationDatabase();
    db.migrate();
    em = db.entityManager();
    fixture = new DonationFixture(Clock.fixed(NOW, ZoneOffset.UTC));
    donations = fixture.service(em);
    admin = fixture.admin(em);
  }

  @AfterEach
  void close() {
    em.close();
    db.close();
  }

  private DonationStarted give(DonationForm form) {
    return donations.donate(form, ADDRESS, Locale.US);
  }

  private Map<String, String> refused(DonationForm form) {
    return assertThrows(DonationRejectedException.class, () -> give(form)).errors();
  }

  private CampaignInfo anniversary() {
    em.clear();
    return donations.campaign("five-year-anniversary").orElseThrow();
  }

  @Test
  void theAnniversaryFundraiserIsSeededFeaturedInTheOrganisationsWordsWithNoGoal() {
    CampaignInfo c = donations.featuredCampaign().orElseThrow();
    assertEquals("five-year-anniversary", c.slug());
    assertEquals("Five Year Anniversary", c.name());
    assertTrue(c.description().startsWith("In the five years since its inception"));
    assertNull(c.goal());
    assertFalse(c.showsProgress());
    assertTrue(c.open());
    assertEquals(Money.zero(fixture.settings.currency()), c.raised());
    assertEquals(0, c.donors());
    assertEquals(4, c.suggestedAmounts().size());
  }

  @Test
  void aPledgeIsRecordedWithItsInstructionsButCountsOnlyOnceConfirmed() {
    DonationStarted started = give(form());

    assertNull(started.paymentUrl(), "a pledge has nothing to pay online");
    DonationSummary pledge = donations.donation(started.reference()).orElseThrow();
    assertEquals(DonationStatus.PLEDGED, pledge.status());
    assertEquals(Money.parse("50", fixture.settings.currency()), pledge.amount());
    assertTrue(pledge.pledgeInstructions().contains("cheque or bank transfer"));
    assertNull(pledge.receiptNumber());
    assertEquals(Money.zero(fixture.settings.currency()), anniversary().raised());
    assertEquals(0, anniversary().donors());
  }

  @Test
  void aPledgeIsAcknowledgedByEmailAndInTheAuditLogWithoutPersonalData() throws Exception {
    DonationStarted started = give(form());

    MimeMessage mail = fixture.mail.fired.get(0);
    assertEquals("ada@example.org", mail.getAllRecipients()[0].toString());
    assertTrue(((String) mail.getContent()).contains("cheque or bank transfer"));
    DonationChanged audit = fixture.changes.fired.get(0);
    assertEquals("visitor", audit.actor());
    assertEquals(DonationAction.DONATION_PLEDGED, audit.action());
    assertEquals(started.reference(), audit.subjectId());
    assertFalse(audit.summary().contains("ada"), audit.summary());
  }

  @Test
  void theSameFormSentTwiceMakesOneDonation() {
    DonationForm form = form();
    DonationStarted first = give(form);
    DonationStarted second = give(form);

    assertEquals(first.reference(), second.reference());
    assertEquals(1, db.count("SELECT COUNT(*) FROM donation"));
    assertEquals(1, fixture.mail.fired.size(), "one acknowledgement");
  }

  @Test
  void theSameFormSentFromEightThreadsAtOnceMakesOneDonation() throws Exception {
    DonationForm form = form();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    List<EntityManager> managers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      EntityManager own = db.entityManager();
      managers.add(own);
      DefaultDonationService service = fixture.service(own);
      Callable<String> task =
          () -> {
            start.await();
            return service
                .donate(form, "198.51.100." + managers.indexOf(own), Locale.US)
                .reference();
          };
      results.add(pool.submit(task));
    }
    start.countDown();
    Set<String> references = ConcurrentHashMap.newKeySet();
    for (Future<String> result : results) {
      references.add(result.get());
    }
    pool.shutdown();
    managers.forEach(EntityManager::close);

    assertEquals(1, references.size(), "every request answers with the one donation");
    assertEquals(1, db.count("SELECT COUNT(*) FROM donation"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-5|The amount must be more than zero.",
        "0|The amount must be more than zero.",
        "abc|Enter the amount in numbers only, for example 25 or 25.50.",
        "5.001|Use no more than 2 digits after the decimal point.",
        "999999999999|That amount is too large.",
        "4.99|The smallest gift we can take online is $5.00.",
        "25000.01|The largest gift we can take online is $25,000.00. For a larger gift, please write to us.",
        "''|Enter an amount."
      })
  void anOtherAmountThatIsNotAcceptableIsRefusedNextToItsFieldAndNothingIsStored(
      String typed, String message) {
    Map<String, String> errors =
        refused(
            form(UUID.randomUUID().toString(), DonationForm.OTHER_AMOUNT, typed, "a@example.org"));

    assertEquals(Map.of(DonationForm.FIELD_OTHER_AMOUNT, message), errors);
    assertEquals(0, db.count("SELECT COUNT(*) FROM donation"));
    assertTrue(fixture.mail.fired.isEmpty());
  }

  @Test
  void theLimitsAreWrittenInTheDonorsLocale() {
    DonationForm form =
        form(UUID.randomUUID().toString(), DonationForm.OTHER_AMOUNT, "1", "a@example.org");
    var errors =
        assertThrows(
                DonationRejectedException.class,
                () -> donations.donate(form, ADDRESS, Locale.GERMANY))
            .errors();
    assertEquals(
        "The smallest gift we can take online is 5,00\u00a0$.",
        errors.get(DonationForm.FIELD_OTHER_AMOUNT));
  }

  @Test
  void anOtherAmountWithinTheLimitsIsTaken() {
    DonationStarted started =
        give(
            form(
                UUID.randomUUID().toString(),
                DonationForm.OTHER_AMOUNT,
                "$1,234.56",
                "a@example.org"));
    assertEquals(
        123456, donations.donation(started.reference()).orElseThrow().amount().minorUnits());
  }

  @Test
  void aSuggestedAmountMustBeOneTheFundraiserOffers() {
    assertEquals(
        Map.of(
            DonationForm.FIELD_AMOUNT,
            "Choose one of the amounts shown, or choose Other and type one."),
        refused(form(UUID.randomUUID().toString(), "1", "", "a@example.org")));
  }

  @Test
  void everyFieldAtFaultIsNamedAtOnce() {
    DonationForm bad =
        new DonationForm(
            "five-year-anniversary",
            UUID.randomUUID().toString(),
            "",
            "",
            "WEEKLY",
            " ",
            "not-an-address",
            "MEMORY",
            "",
            "nobody@",
            false,
            false,
            false,
            "");
    Map<String, String> errors = refused(bad);
    assertEquals(
        Set.of(
            DonationForm.FIELD_AMOUNT,
            DonationForm.FIELD_FREQUENCY,
            DonationForm.FIELD_NAME,
            DonationForm.FIELD_EMAIL,
            DonationForm.FIELD_DEDICATED_TO,
            DonationForm.FIELD_NOTIFY_EMAIL),
        errors.keySet());
  }

  @Test
  void anOversizedNameIsRefused() {
    DonationForm f = form();
    DonationForm big =
        new DonationForm(
            f.campaign(),
            f.formKey(),
            f.amount(),
            "",
            "ONE_TIME",
            "x".repeat(201),
            f.email(),
            "NONE",
            "",
            "",
            false,
            false,
            false,
            "");
    assertTrue(refused(big).containsKey(DonationForm.FIELD_NAME));
  }

  @Test
  void anUnknownOrClosedFundraiserTakesNothing() {
    DonationForm f = form();
    DonationForm unknown =
        new DonationForm(
            "no-such-fundraiser",
            f.formKey(),
            f.amount(),
            "",
            "ONE_TIME",
            "Ada",
            f.email(),
            "NONE",
            "",
            "",
            false,
            false,
            false,
            "");
    assertEquals(
        "We could not find this fundraiser.", refused(unknown).get(DonationForm.FIELD_CAMPAIGN));

    db.update("UPDATE campaign SET end_date = DATE('2026-11-30')");
    assertEquals(
        "This fundraiser is closed and no longer takes gifts.",
        refused(form()).get(DonationForm.FIELD_CAMPAIGN));
    assertEquals(0, db.count("SELECT COUNT(*) FROM donation"));
  }

  @Test
  void aDedicationKeepsTheNameAndTheNotificationAddress() {
    DonationForm f = form();
    DonationForm dedicated =
        new DonationForm(
            f.campaign(),
            f.formKey(),
            f.amount(),
            "",
            "MONTHLY",
            "Ada",
            f.email(),
            "MEMORY",
            "Max Benson",
            "Family@Example.org",
            true,
            false,
            true,
            "");
    DonationSummary d = donations.donation(give(dedicated).reference()).orElseThrow();
    assertEquals("In memory of Max Benson", d.dedication());
    assertEquals(org.aasr.donations.api.Frequency.MONTHLY, d.frequency());
    assertEquals(
        1,
        db.count(
            "SELECT COUNT(*) FROM donation WHERE notify_email = 'family@example.org'"
                + " AND anonymous = TRUE AND news_opt_in = TRUE"));
  }

  @Test
  void coveringTheFeeAddsItOnTopOfTheGift() {
    DonationForm f = form();
    DonationForm covering =
        new DonationForm(
            f.campaign(),
            f.formKey(),
            f.amount(),
            "",
            "ONE_TIME",
            "Ada",
            f.email(),
            "NONE",
            "",
            "",
            false,
            true,
            false,
            "");
    DonationSummary d = donations.donation(give(covering).reference()).orElseThrow();
    assertEquals(5000, d.amount().minorUnits());
    assertEquals(181, d.fee().minorUnits());
    assertEquals(5181, d.total().minorUnits());
  }

  @Test
  void aFilledHoneypotIsRefusedAndCounted() {
    DonationForm f = form();
    DonationForm robot =
        new DonationForm(
            f.campaign(),
            f.formKey(),
            f.amount(),
            "",
            "ONE_TIME",
            "Ada",
            f.email(),
            "NONE",
            "",
            "",
            false,
            false,
            false,
            "http://spam.example");
    assertTrue(refused(robot).containsKey(DonationForm.FIELD_FORM));
    assertEquals(1, donations.refusedAttempts());
    assertEquals(0, db.count("SELECT COUNT(*) FROM donation"));
  }

  @Test
  void attemptsFromOneAddressAreLimitedInAWindowThenAllowedAgain() {
    Clock[] now = {Clock.fixed(NOW, ZoneOffset.UTC)};
    AttemptLimiter limiter =
        new AttemptLimiter(
            fixture.settings,
            new Clock() {
              @Override
              public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
              }

              @Override
              public Clock withZone(java.time.ZoneId zone) {
                return this;
              }

              @Override
              public Instant instant() {
                return now[0].instant();
              }
            });
    donations.limiter = limiter;
    for (int i = 0; i < 10; i++) {
      give(form(UUID.randomUUID().toString(), "2500", "", "donor" + i + "@example.org"));
    }
    Map<String, String> errors = refused(form());
    assertTrue(errors.get(DonationForm.FIELD_FORM).contains("wait 15 minutes"), errors.toString());
    assertEquals(1, donations.refusedAttempts());

    now[0] = Clock.fixed(NOW.plus(Duration.ofMinutes(16)), ZoneOffset.UTC);
    give(form());
    assertEquals(11, db.count("SELECT COUNT(*) FROM donation"));
  }

  @Test
  void attemptsWithOneEmailAddressAreLimitedFromAnyAddress() {
    for (int i = 0; i < 5; i++) {
      donations.donate(
          form(UUID.randomUUID().toString(), "2500", "", "Same@Example.org"),
          "192.0.2." + i,
          Locale.US);
    }
    assertThrows(
        DonationRejectedException.class,
        () ->
            donations.donate(
                form(UUID.randomUUID().toString(), "2500", "", "same@example.org"),
                "192.0.2.99",
                Locale.US));
  }

  @Test
  void confirmingAPledgeGivesAReceiptNumberCountsTheMoneyAndSendsTheReceipt() throws Exception {
    String first = give(form()).reference();
    String second =
        give(form(UUID.randomUUID().toString(), "2500", "", "ADA@example.org")).reference();
    String third =
        give(form(UUID.randomUUID().toString(), "10000", "", "bo@example.org")).reference();

    assertEquals("2026-000001", admin.confirmPledge(first).receiptNumber());
    assertEquals("2026-000002", admin.confirmPledge(second).receiptNumber());
    admin.confirmPledge(third);

    CampaignInfo c = anniversary();
    assertEquals(17500, c.raised().minorUnits());
    assertEquals(2, c.donors(), "one donor however they type their address, and another");
    MimeMessage receipt = fixture.mail.fired.get(fixture.mail.fired.size() - 3);
    assertTrue(receipt.getSubject().contains("2026-000001"), receipt.getSubject());
    String text = (String) receipt.getContent();
    assertTrue(text.contains("No goods or services were provided"), text);
    assertTrue(text.contains("$50.00"), text);
    assertEquals(DonationAction.DONATION_CONFIRMED, fixture.changes.fired.get(3).action());
    assertEquals("fundraiser@example.org", fixture.changes.fired.get(3).actor());
  }

  @Test
  void theReceiptTextIsTheOneStaffSet() throws Exception {
    db.update("UPDATE campaign SET receipt_text = 'Official receipt for income tax purposes.'");
    admin.confirmPledge(give(form()).reference());
    String text = (String) fixture.mail.fired.get(1).getContent();
    assertTrue(text.contains("Official receipt for income tax purposes."), text);
    assertFalse(text.contains("No goods or services"), text);
  }

  @Test
  void receiptNumbersStartAgainEachYear() {
    db.update("INSERT INTO receipt_sequence (receipt_year, last_number) VALUES (2025, 41)");
    assertEquals("2026-000001", admin.confirmPledge(give(form()).reference()).receiptNumber());
  }

  @Test
  void aPledgeIsConfirmedOnceOnly() {
    String reference = give(form()).reference();
    admin.confirmPledge(reference);
    assertThrows(IllegalStateException.class, () -> admin.confirmPledge(reference));
    assertEquals(5000, anniversary().raised().minorUnits());
  }

  @Test
  void onlyStaffConfirmPledges() {
    String reference = give(form()).reference();
    fixture.staffMember.set(null);
    assertThrows(SecurityException.class, () -> admin.confirmPledge(reference));
    assertEquals(DonationStatus.PLEDGED, donations.donation(reference).orElseThrow().status());
  }

  @Test
  void aRefundLowersTheTotalOnce() {
    String kept = give(form()).reference();
    String refunded =
        give(form(UUID.randomUUID().toString(), "2500", "", "bo@example.org")).reference();
    admin.confirmPledge(kept);
    admin.confirmPledge(refunded);
    assertEquals(7500, anniversary().raised().minorUnits());

    admin.markRefunded(refunded);
    admin.markRefunded(refunded);

    assertEquals(5000, anniversary().raised().minorUnits());
    assertEquals(1, anniversary().donors());
  }

  @Test
  void progressShowsOnceAGoalAndAnEndDateExist() {
    db.update("UPDATE campaign SET goal_minor = 1000000, end_date = DATE('2026-12-31')");
    admin.confirmPledge(give(form()).reference());
    CampaignInfo c = anniversary();
    assertTrue(c.showsProgress());
    assertEquals(0, c.percentOfGoal());
    assertEquals(30, c.daysLeft());
    admin.confirmPledge(
        give(form(UUID.randomUUID().toString(), "25000", "", "x@example.org")).reference());
    assertEquals(3, anniversary().percentOfGoal());
  }
}
