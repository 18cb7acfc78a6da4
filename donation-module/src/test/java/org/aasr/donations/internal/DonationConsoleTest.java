package org.aasr.donations.internal;

import static org.aasr.donations.internal.DonationFixture.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.aasr.donations.api.CampaignForm;
import org.aasr.donations.api.CampaignRow;
import org.aasr.donations.api.DonationAction;
import org.aasr.donations.api.DonationChanged;
import org.aasr.donations.api.DonationFilter;
import org.aasr.donations.api.DonationForm;
import org.aasr.donations.api.DonationRejectedException;
import org.aasr.donations.api.DonationRow;
import org.aasr.donations.api.DonationStatus;
import org.aasr.donations.api.Frequency;
import org.aasr.donations.api.GiftsToday;
import org.aasr.donations.api.Money;
import org.aasr.donations.api.MonthTotal;
import org.aasr.donations.api.OfflineGift;
import org.aasr.donations.api.OfflineMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The staff console's rules for fundraisers and donations, on a real embedded Derby. */
class DonationConsoleTest {

  /** 10:00 on December 1 in New York, the settings' zone. */
  private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");

  private static final String ADDRESS = "203.0.113.7";
  private static final String ANNIVERSARY = "five-year-anniversary";

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

  private Money usd(String amount) {
    return Money.parse(amount, fixture.settings.currency());
  }

  private static CampaignForm campaign(String name, String slug, String goal) {
    return new CampaignForm(
        true,
        0,
        slug,
        name,
        "Books for the school year.",
        goal,
        "2026-11-01",
        "2027-01-31",
        "25, 50, 100",
        "Send a cheque to our office.",
        "No goods or services were provided.",
        false);
  }

  private Map<String, String> refused(CampaignForm form) {
    return assertThrows(DonationRejectedException.class, () -> admin.saveCampaign(form)).errors();
  }

  private DonationRow offline(String amount, String email, String day) {
    return admin.recordOfflineGift(
        new OfflineGift(ANNIVERSARY, amount, OfflineMethod.CHEQUE, "Grace Hopper", email, day));
  }

  private String pledge(String amount, String email, String frequency) {
    DonationForm f = form(UUID.randomUUID().toString(), amount, "", email);
    f =
        new DonationForm(
            f.campaign(),
            f.formKey(),
            f.amount(),
            f.otherAmount(),
            frequency,
            f.name(),
            f.email(),
            f.dedication(),
            f.dedicatedTo(),
            f.notifyEmail(),
            f.anonymous(),
            f.coverFee(),
            f.newsOptIn(),
            f.honeypot());
    return donations.donate(f, ADDRESS, Locale.US).reference();
  }

  private List<DonationChanged> audited(DonationAction action) {
    return fixture.changes.fired.stream().filter(c -> c.action() == action).toList();
  }

  @Test
  void aNewFundraiserIsStoredWithItsAddressMadeFromItsNameAndAudited() {
    CampaignForm saved = admin.saveCampaign(campaign("Back to School 2027!", "", "10000"));

    assertEquals("back-to-school-2027", saved.slug());
    assertEquals("10000.00", saved.goal());
    assertEquals("25.00, 50.00, 100.00", saved.suggestedAmounts());
    assertEquals(LocalDate.parse("2027-01-31"), donations.campaign(saved.slug()).get().endDate());
    DonationChanged audit = audited(DonationAction.CAMPAIGN_CREATED).get(0);
    assertEquals("fundraiser@example.org", audit.actor());
    assertEquals("back-to-school-2027", audit.subjectId());
  }

  @Test
  void aFundraiserWithMistakesIsRefusedFieldByFieldAndNothingIsStored() {
    CampaignForm bad =
        new CampaignForm(
            true,
            0,
            "Not A Slug!",
            "",
            "",
            "-5",
            "2027-02-01",
            "2027-01-01",
            "25, ten, 100",
            "",
            "x".repeat(4001),
            false);

    Map<String, String> errors = refused(bad);

    assertEquals(
        java.util.Set.of(
            "name",
            "slug",
            "description",
            "goal",
            "end-date",
            "suggested-amounts",
            "pledge-instructions",
            "receipt-text"),
        errors.keySet());
    assertEquals("The amount must be more than zero.", errors.get("goal"));
    assertEquals("The last day cannot be before the first.", errors.get("end-date"));
    assertEquals(1, db.count("SELECT COUNT(*) FROM campaign"));
    assertTrue(fixture.changes.fired.isEmpty());
  }

  @Test
  void aSuggestedAmountOutsideTheGiftLimitsIsRefused() {
    Map<String, String> errors = refused(campaign("Tiny", "tiny", "").withAmounts("1, 50"));
    assertTrue(
        errors.get("suggested-amounts").contains("from $5.00 to $25,000.00"), errors.toString());
  }

  @Test
  void anAddressTakenByAnotherFundraiserIsRefused() {
    Map<String, String> errors = refused(campaign("Again", ANNIVERSARY, ""));
    assertEquals("Another fundraiser has this address.", errors.get("slug"));
  }

  @Test
  void anEditBasedOnAnOlderVersionIsRefused() {
    CampaignForm read = admin.campaignForm(ANNIVERSARY).orElseThrow();
    admin.saveCampaign(read.withGoal("5000"));

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> admin.saveCampaign(read.withGoal("7000")));
    assertTrue(e.getMessage().contains("Someone else changed this fundraiser"));
    em.clear();
    assertEquals("5000.00", admin.campaignForm(ANNIVERSARY).get().goal());
  }

  @Test
  void settingAGoalShowsTheProgressOnThePublicPage() {
    CampaignForm read = admin.campaignForm(ANNIVERSARY).orElseThrow();
    admin.saveCampaign(
        new CampaignForm(
            false,
            read.version(),
            ANNIVERSARY,
            read.name(),
            read.description(),
            "20000",
            "",
            "2027-03-31",
            read.suggestedAmounts(),
            read.pledgeInstructions(),
            read.receiptText(),
            true));
    em.clear();
    assertTrue(donations.campaign(ANNIVERSARY).get().showsProgress());
    assertEquals(usd("20000"), donations.campaign(ANNIVERSARY).get().goal());
  }

  @Test
  void featuringAFundraiserLeavesExactlyOneFeatured() {
    admin.saveCampaign(campaign("Spring", "spring", ""));

    admin.featureCampaign("spring");

    em.clear();
    assertEquals("spring", donations.featuredCampaign().get().slug());
    assertEquals(1, db.count("SELECT COUNT(*) FROM campaign WHERE featured = TRUE"));
    assertEquals(
        List.of("spring"),
        admin.campaigns().stream().filter(CampaignRow::featured).map(CampaignRow::slug).toList());
    assertEquals(1, audited(DonationAction.CAMPAIGN_FEATURED).size());
  }

  @Test
  void aClosedFundraiserTakesNoMoreGifts() {
    admin.closeCampaign(ANNIVERSARY);

    em.clear();
    assertFalse(donations.campaign(ANNIVERSARY).get().open());
    assertEquals(LocalDate.parse("2026-11-30"), donations.campaign(ANNIVERSARY).get().endDate());
    assertThrows(
        DonationRejectedException.class, () -> pledge("5000", "late@example.org", "ONE_TIME"));
    assertEquals(1, audited(DonationAction.CAMPAIGN_CLOSED).size());
  }

  @Test
  void someoneWhoIsNotFundraisingStaffIsRefusedEveryConsoleAction() {
    fixture.staffMember.set(null);
    List<Runnable> actions =
        List.of(
            () -> admin.campaigns(),
            () -> admin.campaignForm(ANNIVERSARY),
            () -> admin.saveCampaign(campaign("X", "x", "")),
            () -> admin.closeCampaign(ANNIVERSARY),
            () -> admin.featureCampaign(ANNIVERSARY),
            () -> admin.countDonations(DonationFilter.all()),
            () -> admin.donations(DonationFilter.all(), 0, 10),
            () -> admin.donationRow("x"),
            () -> admin.donorHistory("a@example.org"),
            () -> offline("50", "", ""),
            () -> admin.resendReceipt("x"),
            () -> admin.monthlyTotals(ANNIVERSARY),
            () -> admin.todaysFigures());
    for (Runnable action : actions) {
      assertThrows(SecurityException.class, action::run);
    }
    assertEquals(0, db.count("SELECT COUNT(*) FROM donation"));
  }

  @Test
  void theDonationsAreFilteredAndPagedByTheDatabase() {
    pledge("2500", "a@example.org", "ONE_TIME");
    pledge("5000", "b@example.org", "MONTHLY");
    pledge("10000", "c@example.org", "ONE_TIME");
    offline("300", "", "2026-11-15");

    assertEquals(4, admin.countDonations(DonationFilter.all()));
    assertEquals(
        3,
        admin.countDonations(
            new DonationFilter(DonationStatus.PLEDGED, null, null, null, null, null, null)));
    assertEquals(
        1,
        admin.countDonations(
            new DonationFilter(null, null, null, null, null, null, Frequency.MONTHLY)));
    assertEquals(
        2, admin.countDonations(new DonationFilter(null, null, null, null, 5000L, 10000L, null)));
    DonationFilter november =
        new DonationFilter(
            null,
            LocalDate.parse("2026-11-01"),
            LocalDate.parse("2026-11-30"),
            null,
            null,
            null,
            null);
    assertEquals(1, admin.countDonations(november));
    assertEquals("Cheque", admin.donations(november, 0, 10).get(0).method());
    assertEquals(
        0,
        admin.countDonations(
            new DonationFilter(null, null, null, "no-such-fundraiser", null, null, null)));

    List<DonationRow> page = admin.donations(DonationFilter.all(), 1, 2);
    assertEquals(2, page.size());
    assertEquals(usd("50"), page.get(0).amount(), "newest first, the second and third");
  }

  @Test
  void anOfflineGiftIsConfirmedAtOnceReceiptedAndCounted() throws Exception {
    DonationRow gift = offline("120.50", "Grace@Example.org", "2026-11-20");

    assertEquals(DonationStatus.CONFIRMED, gift.status());
    assertEquals("2026-000001", gift.receiptNumber());
    assertEquals("grace@example.org", gift.donorEmail());
    assertEquals(usd("120.50"), donations.campaign(ANNIVERSARY).get().raised());
    MimeMessage receipt = fixture.mail.fired.get(0);
    String text = (String) receipt.getContent();
    assertTrue(text.contains("Receipt number: 2026-000001"), text);
    assertTrue(text.contains("Date received: November 20, 2026"), text);
    assertTrue(text.contains("$120.50"), text);
    assertTrue(text.contains("No goods or services were provided"), text);
    assertEquals(1, audited(DonationAction.OFFLINE_GIFT_RECORDED).size());
    assertEquals(1, audited(DonationAction.DONATION_CONFIRMED).size());
  }

  @Test
  void anOfflineGiftWithMistakesIsRefusedAndNothingIsStored() {
    DonationRejectedException e =
        assertThrows(
            DonationRejectedException.class,
            () ->
                admin.recordOfflineGift(
                    new OfflineGift(
                        "no-such-fundraiser",
                        "12.345",
                        null,
                        " ",
                        "not an address",
                        "2026-12-02")));

    assertEquals(
        java.util.Set.of(
            "campaign", "amount", "method", "donor-name", "donor-email", "received-on"),
        e.errors().keySet());
    assertEquals("The day it arrived cannot be in the future.", e.errors().get("received-on"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM donation"));
    assertTrue(fixture.mail.fired.isEmpty());
  }

  @Test
  void aDonorsHistoryMatchesTheirEmailWhateverItsCase() {
    pledge("2500", "Ada@Example.org", "ONE_TIME");
    offline("40", "ADA@example.ORG", "");
    pledge("2500", "someone.else@example.org", "ONE_TIME");

    List<DonationRow> history = admin.donorHistory("ada@EXAMPLE.org");

    assertEquals(2, history.size());
    assertTrue(history.stream().allMatch(r -> r.donorEmail().equals("ada@example.org")));
  }

  @Test
  void aReceiptIsSentAgainThroughTheMailAndAudited() throws Exception {
    String ref = pledge("5000", "ada@example.org", "ONE_TIME");
    admin.confirmPledge(ref);
    int before = fixture.mail.fired.size();

    admin.resendReceipt(ref);

    assertEquals(before + 1, fixture.mail.fired.size());
    MimeMessage again = fixture.mail.fired.get(before);
    assertEquals(
        "Your receipt 2026-000001 from " + fixture.settings.organisation(), again.getSubject());
    assertTrue(((String) again.getContent()).contains("$50.00"));
    assertEquals(ref, audited(DonationAction.RECEIPT_RESENT).get(0).subjectId());
  }

  @Test
  void aPledgeHasNoReceiptToSendAgain() {
    String ref = pledge("5000", "ada@example.org", "ONE_TIME");
    assertThrows(IllegalStateException.class, () -> admin.resendReceipt(ref));
    assertTrue(audited(DonationAction.RECEIPT_RESENT).isEmpty());
  }

  @Test
  void monthlyTotalsCountConfirmedMoneyWithEmptyMonthsAndARunningTotal() {
    offline("100", "", "2026-09-15");
    offline("20", "", "2026-11-02");
    offline("30", "", "2026-11-30");
    String refunded = offline("999", "", "2026-11-03").reference();
    admin.markRefunded(refunded);
    pledge("5000", "waiting@example.org", "ONE_TIME");

    List<MonthTotal> months = admin.monthlyTotals(ANNIVERSARY);

    assertEquals(
        List.of(
            new MonthTotal(YearMonth.of(2026, 9), 1, usd("100"), usd("100")),
            new MonthTotal(YearMonth.of(2026, 10), 0, usd("0.01").minus(usd("0.01")), usd("100")),
            new MonthTotal(YearMonth.of(2026, 11), 2, usd("50"), usd("150"))),
        months);
  }

  @Test
  void theDashboardCountsTodaysGiftsWaitingPledgesAndRefusedAttempts() {
    offline("25", "", "");
    offline("75", "", "");
    offline("500", "", "2026-11-30");
    pledge("5000", "ada@example.org", "ONE_TIME");
    DonationForm robot = form();
    robot =
        new DonationForm(
            robot.campaign(),
            robot.formKey(),
            robot.amount(),
            robot.otherAmount(),
            robot.frequency(),
            robot.name(),
            robot.email(),
            robot.dedication(),
            robot.dedicatedTo(),
            robot.notifyEmail(),
            robot.anonymous(),
            robot.coverFee(),
            robot.newsOptIn(),
            "http://spam.example");
    DonationForm sent = robot;
    assertThrows(DonationRejectedException.class, () -> donations.donate(sent, ADDRESS, Locale.US));
    assertThrows(
        DonationRejectedException.class,
        () ->
            donations.donate(
                new DonationForm(
                    sent.campaign(),
                    UUID.randomUUID().toString(),
                    sent.amount(),
                    sent.otherAmount(),
                    sent.frequency(),
                    sent.name(),
                    sent.email(),
                    sent.dedication(),
                    sent.dedicatedTo(),
                    sent.notifyEmail(),
                    sent.anonymous(),
                    sent.coverFee(),
                    sent.newsOptIn(),
                    "x"),
                ADDRESS,
                Locale.US));

    GiftsToday today = admin.todaysFigures();

    assertEquals(2, today.gifts());
    assertEquals(usd("100"), today.total());
    assertEquals(1, today.pledgesWaiting());
    assertEquals(2, today.refusedAttempts());
    assertEquals(
        2, db.count("SELECT refused FROM donation_refusal WHERE refused_on = '2026-12-01'"));
    assertNotNull(today);
  }
}
