package org.aasr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The donations console over HTTP on the built WAR, as fundraising staff use it and as an editor is
 * refused it: fundraisers created, featured and closed; pledges confirmed and receipted by email
 * (GreenMail); offline gifts; a donor's history; the CSV export with its formulas neutralised; the
 * dashboard's figures; every change in the audit log. Each test makes its own fundraiser, so the
 * seeded anniversary fundraiser, which other tests read, is left as it is.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DonationConsoleIT {

  static final String ADMIN = System.getenv("AASR_ADMIN_EMAIL");
  static final String ADMIN_PASSWORD = System.getenv("AASR_ADMIN_PASSWORD");

  /** One fundraising account for the class: signing in is limited per address. */
  private static String fundraiserEmail;

  private static final String FUNDRAISER_PASSWORD = "the fundraiser's own long password";
  private static TestSmtp smtp;

  @ArquillianResource URL base;

  private FormClient admin;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Site.builtWar();
  }

  @BeforeAll
  static void startSmtp() {
    // -Dit.test runs the class in the public-site execution too, which has no SMTP server.
    Assumptions.assumeTrue(
        System.getenv("AASR_SMTP_PORT") != null, "runs in the admin-console execution only");
    smtp = TestSmtp.start();
  }

  @AfterAll
  static void stopSmtp() {
    if (smtp != null) {
      smtp.close();
    }
  }

  @BeforeEach
  void signInAsAdministrator() {
    admin = new FormClient(new Site(base).uri("/"));
    admin.get("/admin/login");
    admin.submit("login-form", "sign-in", Map.of("email", ADMIN, "password", ADMIN_PASSWORD));
  }

  // --- people ---

  /** Invites someone with one role, as the administrator, and returns their one-time password. */
  private String invite(String email, String role) {
    admin.get("/admin/users");
    Document page =
        admin.submit(
            "invite-form",
            "invite",
            Map.of("email", email, "display-name", "Test " + role, "new-roles", role));
    Matcher shown =
        Pattern.compile("one-time password is (\\S+) \\.")
            .matcher(page.selectFirst("#messages").text());
    assertTrue(shown.find(), page.selectFirst("#messages").text());
    return shown.group(1);
  }

  private FormClient newPerson(String role, String password) {
    String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@aasr.test";
    String oneTime = invite(email, role);
    FormClient person = new FormClient(new Site(base).uri("/"));
    person.get("/admin/login");
    person.submit("login-form", "sign-in", Map.of("email", email, "password", oneTime));
    person.submit(
        "password-form",
        "change",
        Map.of("current-password", oneTime, "new-password", password, "confirmation", password));
    if (role.equals("FUNDRAISING")) {
      fundraiserEmail = email;
    }
    return person;
  }

  /** The class's fundraising staff member, signed in afresh. */
  private FormClient fundraiser() {
    if (fundraiserEmail == null) {
      return newPerson("FUNDRAISING", FUNDRAISER_PASSWORD);
    }
    FormClient person = new FormClient(new Site(base).uri("/"));
    person.get("/admin/login");
    person.submit(
        "login-form", "sign-in", Map.of("email", fundraiserEmail, "password", FUNDRAISER_PASSWORD));
    assertEquals("/admin/", person.path());
    return person;
  }

  // --- helpers ---

  private static Map<String, String> campaignFields(String name, String slug) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("name", name);
    f.put("slug", slug);
    f.put("description", "Books for the school year.");
    f.put("goal", "5000");
    f.put("start-date", "");
    f.put("end-date", "");
    f.put("suggested-amounts", "25, 50, 100");
    f.put("pledge-instructions", "Send a cheque to 1 Main Street.");
    f.put("receipt-text", "No goods or services were provided. (test " + slug + ")");
    return f;
  }

  /** Creates a fundraiser as the fundraiser and returns its address. */
  private String newCampaign(FormClient staff) {
    String slug = "it-" + UUID.randomUUID().toString().substring(0, 8);
    staff.get("/admin/campaign");
    Document saved = staff.submit("campaign-form", "save", campaignFields("Appeal " + slug, slug));
    assertEquals("/admin/campaigns", staff.path(), saved.text());
    assertTrue(
        saved.selectFirst("#messages").text().contains("Fundraiser \"Appeal " + slug + "\" saved."),
        saved.selectFirst("#messages").text());
    return slug;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A donor's pledge through the public form, to a fundraiser; returns its reference. */
  private String pledge(String slug, String email, String amountMinor) {
    return pledge(slug, email, amountMinor, Map.of());
  }

  /** A pledge with some fields changed (frequency, dedication…); returns its reference. */
  private String pledge(String slug, String email, String amountMinor, Map<String, String> more) {
    Site site = new Site(base);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("formKey", UUID.randomUUID().toString());
    form.put("amount", amountMinor);
    form.put("otherAmount", "");
    form.put("frequency", "ONE_TIME");
    form.put("name", "Ada Lovelace");
    form.put("email", email);
    form.put("dedication", "NONE");
    form.put("dedicatedTo", "");
    form.put("notifyEmail", "");
    form.put("website", "");
    form.putAll(more);
    URI uri = site.uri("/");
    HttpResponse<String> response =
        site.send(
            HttpRequest.newBuilder(site.uri("/donate?campaign=" + slug))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", uri.getScheme() + "://" + uri.getRawAuthority())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form.entrySet().stream()
                            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                            .collect(Collectors.joining("&"))))
                .build());
    String location = response.headers().firstValue("Location").orElse("");
    Matcher ref = Pattern.compile("ref=([0-9a-f-]+)").matcher(location);
    assertTrue(ref.find(), response.statusCode() + " " + location + " " + response.body());
    return ref.group(1);
  }

  private Document recordGift(
      FormClient staff, String slug, String amount, String name, String email) {
    staff.get("/admin/gift");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("campaign", slug);
    f.put("amount", amount);
    f.put("method", "CHEQUE");
    f.put("donor-name", name);
    f.put("donor-email", email);
    f.put("received-on", "");
    return staff.submit("gift-form", "record", f);
  }

  private List<String> audit() {
    return admin.get("/admin/audit").select("#audit-form\\:entries tbody tr").eachText();
  }

  private static String rowButton(Document page, String table, String text, String suffix) {
    return page.select(table + " tbody tr").stream()
        .filter(tr -> tr.text().contains(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row with " + text + " in " + page.text()))
        .selectFirst("[id$=" + suffix + "]")
        .id();
  }

  private static String body(MimeMessage m) throws Exception {
    return ((String) m.getContent()).replace("\r\n", "\n");
  }

  // --- access ---

  @Test
  void anEditorIsRefusedEveryDonationPageAndSeesNoDonorFigures() {
    FormClient editor = newPerson("EDITOR", "the editor's own long password");

    Document dashboard = editor.get("/admin");
    assertEquals("Dashboard", dashboard.selectFirst("h1").text());
    assertNull(dashboard.getElementById("donations-heading"));
    assertNull(dashboard.getElementById("pledges-waiting"));
    assertTrue(dashboard.select("a[href=/admin/donations], a[href=/admin/campaigns]").isEmpty());
    for (String page :
        List.of(
            "/admin/donations",
            "/admin/donations?status=PLEDGED",
            "/admin/donation?ref=anything",
            "/admin/gift",
            "/admin/campaigns",
            "/admin/campaign?slug=five-year-anniversary",
            "/admin/donations-export")) {
      Document refused = editor.get(page);
      assertEquals(403, editor.last().statusCode(), page);
      assertFalse(refused.text().contains("@example.org"), page);
      assertFalse(editor.last().body().contains("Reference,"), page);
    }
  }

  @Test
  void someoneSignedOutIsSentToSignInAndGetsNoCsv() {
    FormClient nobody = new FormClient(new Site(base).uri("/"));
    nobody.get("/admin/donations-export");
    assertEquals("/admin/login", nobody.path());
    assertFalse(nobody.last().body().contains("Reference,"));
  }

  // --- fundraisers ---

  @Test
  void aFundraiserWithMistakesComesBackWithMessagesNextToTheFieldsAndNothingSaved() {
    FormClient staff = fundraiser();
    String slug = "it-bad-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> f = campaignFields("Bad " + slug, slug);
    f.put("goal", "12.345");
    f.put("start-date", "2027-02-01");
    f.put("end-date", "2027-01-01");
    f.put("suggested-amounts", "25, ten");
    f.put("receipt-text", "");
    staff.get("/admin/campaign");

    Document page = staff.submit("campaign-form", "save", f);

    assertEquals(200, staff.last().statusCode());
    assertEquals("New fundraiser", page.selectFirst("h1").text());
    assertTrue(
        page.select("[id=campaign-form:receipt-text] ~ *").text().contains("acknowledgement"),
        page.text());
    assertEquals("Bad " + slug, page.getElementById("campaign-form:name").val(), "input kept");
    assertEquals("25, ten", page.getElementById("campaign-form:suggested-amounts").val());
    assertEquals(404, new Site(base).get("/fundraisers/" + slug).statusCode(), "nothing saved");

    // The module's own rules, once Bean Validation passes: next to their fields too.
    f.put("receipt-text", "No goods or services were provided.");
    page = staff.submit("campaign-form", "save", f);
    String messages = page.select(".ui-message").text();
    assertTrue(messages.contains("Use no more than 2 digits after the decimal point."), messages);
    assertTrue(messages.contains("The last day cannot be before the first."), messages);
    assertTrue(messages.contains("Separate amounts with commas"), messages);
    assertEquals(404, new Site(base).get("/fundraisers/" + slug).statusCode(), "nothing saved");
  }

  @Test
  void aNewFundraiserIsListedPublicFeaturedThenClosedAndAudited() {
    FormClient staff = fundraiser();
    String slug = newCampaign(staff);

    Document list = staff.get("/admin/campaigns");
    assertEquals(
        "Appeal " + slug, new Site(base).page("/fundraisers/" + slug).selectFirst("h1").text());
    try {
      staff.submit(
          "campaigns-form",
          rowButton(list, "#campaigns-form\\:campaigns", slug, "feature")
              .substring("campaigns-form:".length()),
          Map.of());
      assertTrue(
          staff.get("/admin/campaigns").text().contains("Appeal " + slug + " (on the home page)"));
      assertEquals(
          "Donate to Appeal " + slug, new Site(base).page("/donate").selectFirst("h1").text());
    } finally {
      Document again = staff.get("/admin/campaigns");
      staff.submit(
          "campaigns-form",
          rowButton(again, "#campaigns-form\\:campaigns", "five-year-anniversary", "feature")
              .substring("campaigns-form:".length()),
          Map.of());
    }
    assertEquals(
        "Donate to Five Year Anniversary", new Site(base).page("/donate").selectFirst("h1").text());
    long featured =
        staff.get("/admin/campaigns").select("#campaigns-form\\:campaigns tbody tr").stream()
            .filter(tr -> tr.text().contains("(on the home page)"))
            .count();
    assertEquals(1, featured, "exactly one featured");

    list = staff.get("/admin/campaigns");
    staff.submit(
        "campaigns-form",
        rowButton(list, "#campaigns-form\\:campaigns", slug, "close")
            .substring("campaigns-form:".length()),
        Map.of());
    Element row =
        staff.get("/admin/campaigns").select("#campaigns-form\\:campaigns tbody tr").stream()
            .filter(tr -> tr.text().contains(slug))
            .findFirst()
            .orElseThrow();
    assertTrue(row.text().contains("Closed"), row.text());

    List<String> log = audit();
    for (String action : List.of("CAMPAIGN_CREATED", "CAMPAIGN_FEATURED", "CAMPAIGN_CLOSED")) {
      assertTrue(
          log.stream()
              .anyMatch(r -> r.contains(action) && r.contains(slug) && r.contains(fundraiserEmail)),
          action + "\n" + String.join("\n", log));
    }
  }

  // --- donations ---

  @Test
  void aPledgeConfirmedInTheConsoleIsReceiptedAndItsReceiptCanBeSentAgain() throws Exception {
    FormClient staff = fundraiser();
    String slug = newCampaign(staff);
    String donor = "pledger-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String ref = pledge(slug, donor, "5000");

    Document table = staff.get("/admin/donations?status=PLEDGED&campaign=" + slug);
    assertEquals(1, table.select("#donations-form\\:donations tbody tr").size(), table.text());
    assertTrue(table.text().contains(donor));
    Document page = staff.get("/admin/donation?ref=" + ref);
    assertEquals("Pledged, waiting for the money", page.getElementById("status").text());

    page = staff.submit("donation-form", "confirm", Map.of());

    assertEquals("/admin/donation", staff.path());
    assertEquals("Confirmed", page.getElementById("status").text());
    String receipt = page.getElementById("receipt").text();
    assertTrue(receipt.matches("\\d{4}-\\d{6}"), receipt);
    String subject = "Your receipt " + receipt + " from Alliance Against Seclusion & Restraint";
    List<MimeMessage> mails = smtp.awaitSubject(subject, 20_000);
    assertEquals(1, mails.size(), "one receipt");
    assertEquals(donor, mails.get(0).getAllRecipients()[0].toString());
    String text = body(mails.get(0));
    assertTrue(text.contains("Receipt number: " + receipt), text);
    assertTrue(text.contains("Gift: $50.00, one-time"), text);
    assertTrue(text.contains("Fundraiser: Appeal " + slug), text);
    assertTrue(text.contains("No goods or services were provided. (test " + slug + ")"), text);

    staff.submit("donation-form", "resend", Map.of());
    assertTrue(staff.get("/admin/donation?ref=" + ref).text().contains("Send the receipt again"));
    long until = System.currentTimeMillis() + 20_000;
    while (smtp.withSubject(subject).size() < 2 && System.currentTimeMillis() < until) {
      Thread.sleep(250);
    }
    assertEquals(2, smtp.withSubject(subject).size(), "sent again through the outbox");
    assertTrue(body(smtp.withSubject(subject).get(1)).contains("Receipt number: " + receipt));

    List<String> log = audit();
    assertTrue(
        log.stream()
            .anyMatch(
                r ->
                    r.contains("DONATION_CONFIRMED")
                        && r.contains(ref)
                        && r.contains(fundraiserEmail)),
        String.join("\n", log));
    assertTrue(
        log.stream().anyMatch(r -> r.contains("RECEIPT_RESENT") && r.contains(ref)),
        String.join("\n", log));
    assertFalse(
        log.stream().anyMatch(r -> r.contains(donor)), "the audit log holds no donor address");
  }

  @Test
  void aRefundIsMarkedOnceAndNoLongerCounts() {
    FormClient staff = fundraiser();
    String slug = newCampaign(staff);
    Document page = recordGift(staff, slug, "80", "Refunded Donor", "");
    assertEquals("/admin/donation", staff.path());
    // The public page is now in the page cache with the gift counted.
    Site visitor = new Site(base);
    assertTrue(
        visitor.page("/fundraisers/" + slug).selectFirst(".raised").text().startsWith("$80.00"));
    assertFalse(visitor.get("/fundraisers/" + slug).headers().firstValue("ETag").isEmpty());

    page = staff.submit("donation-form", "refund", Map.of());

    assertEquals("Refunded", page.getElementById("status").text());
    // At once, not when the cached copy expires: the refund cleared the page cache.
    assertTrue(
        visitor
            .page("/fundraisers/" + slug)
            .selectFirst(".raised")
            .text()
            .startsWith("$0.00 raised"));
    assertTrue(audit().stream().anyMatch(r -> r.contains("DONATION_REFUNDED")));
  }

  @Test
  void anOfflineGiftWithMistakesIsRefusedNextToItsFieldsThenRecordedConfirmedAndCounted()
      throws Exception {
    FormClient staff = fundraiser();
    String slug = newCampaign(staff);

    Document page = recordGift(staff, slug, "12.345", "", "not an address");
    assertEquals(200, staff.last().statusCode());
    String messages = page.select(".ui-message").text();
    assertTrue(messages.contains("Give the donor's name."), messages);
    assertTrue(messages.contains("email address"), messages);
    assertEquals("12.345", page.getElementById("gift-form:amount").val(), "input kept");
    page = recordGift(staff, slug, "12.345", "Grace Hopper", "");
    assertTrue(
        page.select(".ui-message").text().contains("Use no more than 2 digits"), page.text());

    String donor = "grace-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    page = recordGift(staff, slug, "120.50", "Grace Hopper", donor.toUpperCase());

    assertEquals("/admin/donation", staff.path());
    assertTrue(page.selectFirst("#messages").text().contains("Gift recorded and confirmed"));
    assertEquals("Confirmed", page.getElementById("status").text());
    assertEquals("Cheque", page.select("#donation-details dt:contains(Method) + dd").text());
    String receipt = page.getElementById("receipt").text();
    MimeMessage mail =
        smtp.awaitSubject(
                "Your receipt " + receipt + " from Alliance Against Seclusion & Restraint", 20_000)
            .get(0);
    assertTrue(body(mail).contains("Gift: $120.50"));
    assertTrue(
        new Site(base)
            .page("/fundraisers/" + slug)
            .selectFirst(".raised")
            .text()
            .startsWith("$120.50 raised from 1 donor"));
    String row =
        staff.get("/admin/campaigns").select("#campaigns-form\\:campaigns tbody tr").stream()
            .filter(tr -> tr.text().contains(slug))
            .findFirst()
            .orElseThrow()
            .text();
    assertTrue(row.contains("$120.50 from 1 gift"), row);

    // Its month, in a real table beside the chart drawn from the same figures.
    Document campaign = staff.get("/admin/campaign?slug=" + slug);
    String month = YearMonth.now(ZoneId.of("America/New_York")).toString();
    assertEquals(
        List.of(month + " 1 $120.50 $120.50"), campaign.select("#months tbody tr").eachText());
    assertEquals(1, campaign.select("figure.progress-chart svg[role=img] rect").size());
    assertTrue(audit().stream().anyMatch(r -> r.contains("OFFLINE_GIFT_RECORDED")));
  }

  @Test
  void aDonorsHistoryListsTheirOtherGiftsWhateverTheCaseOfTheirAddress() {
    FormClient staff = fundraiser();
    String slug = newCampaign(staff);
    String donor = "history-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String first = pledge(slug, donor, "2500");
    recordGift(staff, slug, "40", "Ada Lovelace", donor.toUpperCase());

    Document page = staff.get("/admin/donation?ref=" + first);

    List<String> rows = page.select("#history tbody tr").eachText();
    assertEquals(1, rows.size(), page.text());
    assertTrue(rows.get(0).contains("$40.00") && rows.get(0).contains("Confirmed"), rows.get(0));
  }

  @Test
  void theFilteredRowsExportAsCsvWithFormulasNeutralised() throws Exception {
    FormClient staff = fundraiser();
    String slug = newCampaign(staff);
    recordGift(staff, slug, "30", "=HYPERLINK(\"http://evil.example\",\"x\")", "");
    recordGift(staff, slug, "500", "@SUM(A1:A2)", "");
    recordGift(staff, slug, "7", "-2+3", "");

    staff.get("/admin/donations?campaign=" + slug + "&min=20");
    String href = staff.last().body();
    Document table = Jsoup.parse(href, base.toString());
    assertEquals(2, table.select("#donations-form\\:donations tbody tr").size(), table.text());
    String export = table.getElementById("export").attr("href");
    assertEquals("/admin/donations-export?campaign=" + slug + "&min=20", export);

    HttpResponse<String> csv = staff.getRaw(export);
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(
        csv.headers().firstValue("Content-Disposition").orElse("").contains("donations.csv"));
    List<String> lines = csv.body().lines().toList();
    assertEquals(3, lines.size(), csv.body());
    assertTrue(lines.get(0).startsWith("Reference,Made,Fundraiser,Donor,Email"), lines.get(0));
    assertTrue(
        lines.get(1).contains(",'@SUM(A1:A2),") && lines.get(1).contains(",500.00,"), lines.get(1));
    assertTrue(
        lines.get(2).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","),
        lines.get(2));
    assertFalse(csv.body().contains("-2+3"), "below the smallest amount, not exported");

    Document audit = admin.get("/admin/audit?action=DONATIONS_EXPORTED");
    String entries = audit.text();
    assertTrue(entries.contains(fundraiserEmail), "who exported: " + entries);
    assertTrue(entries.contains("filter: campaign=" + slug + "&min=20"), entries);
    assertFalse(entries.contains("HYPERLINK"), "no row of the file in the log");
  }

  @Test
  void aFilterThatDoesNotParseIsShownNextToItsFieldNotAsAnError() {
    FormClient staff = fundraiser();
    Document page = staff.get("/admin/donations?from=yesterday&min=abc&status=LOST");
    assertEquals(200, staff.last().statusCode());
    String messages = page.select(".ui-message").text();
    assertTrue(messages.contains("Enter a date as year-month-day"), messages);
    assertTrue(messages.contains("numbers only"), messages);
    assertTrue(messages.contains("Choose one of the listed values"), messages);
    assertEquals(400, staff.getRaw("/admin/donations-export?from=yesterday").statusCode());

    staff.get("/admin/donations");
    page =
        staff.submit(
            "filter-form",
            "apply",
            Map.of(
                "from",
                "2026-12-31",
                "to",
                "2026-01-01",
                "status",
                "",
                "campaign",
                "",
                "frequency",
                ""));
    assertEquals("/admin/donations", staff.path());
    assertTrue(
        page.select(".ui-message").text().contains("The last day cannot be before the first."));
    page =
        staff.submit(
            "filter-form",
            "apply",
            Map.of(
                "from",
                "2026-01-01",
                "to",
                "",
                "status",
                "CONFIRMED",
                "campaign",
                "",
                "frequency",
                "",
                "min",
                "",
                "max",
                ""));
    assertTrue(
        staff.last().uri().getQuery().contains("status=CONFIRMED"), staff.last().uri().toString());
    assertTrue(staff.last().uri().getQuery().contains("from=2026-01-01"));
  }

  // --- dashboard ---

  @Test
  void theDashboardShowsWaitingPledgesTodaysGiftsAndRefusedAttempts() {
    FormClient staff = fundraiser();
    String slug = newCampaign(staff);
    Document before = staff.get("/admin");
    long refused = leadingNumber(before.getElementById("refused-today").text());
    long waiting = leadingNumber(before.getElementById("pledges-waiting").text());
    String today = before.getElementById("gifts-today").text();

    pledge(
        slug, "waiting-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", "2500");
    recordGift(staff, slug, "10", "Today Donor", "");
    Site site = new Site(base);
    URI uri = site.uri("/");
    site.send(
        HttpRequest.newBuilder(site.uri("/donate?campaign=" + slug))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", uri.getScheme() + "://" + uri.getRawAuthority())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "formKey="
                        + UUID.randomUUID()
                        + "&amount=2500&otherAmount=&frequency=ONE_TIME"
                        + "&name=Robot&email=robot%40example.org&dedication=NONE&dedicatedTo="
                        + "&notifyEmail=&website=http%3A%2F%2Fspam.example"))
            .build());

    Document after = staff.get("/admin");
    assertEquals(refused + 1, leadingNumber(after.getElementById("refused-today").text()));
    assertEquals(waiting + 1, leadingNumber(after.getElementById("pledges-waiting").text()));
    assertEquals(
        "/admin/donations?status=PLEDGED", after.selectFirst("#pledges-waiting a").attr("href"));
    assertFalse(today.equals(after.getElementById("gifts-today").text()), "one more gift today");
    assertTrue(after.getElementById("gifts-today").text().startsWith("Today: "));
  }

  private static long leadingNumber(String text) {
    Matcher m = Pattern.compile("(\\d+)").matcher(text);
    assertTrue(m.find(), text);
    return Long.parseLong(m.group(1));
  }

  // --- a monthly donor's private link ---

  private static final Pattern MONTHLY_LINK =
      Pattern.compile("/donate/monthly/([A-Za-z0-9_-]{43})");

  private HttpResponse<String> stop(String token, Map<String, String> headers, String body) {
    Site site = new Site(base);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(site.uri("/donate/monthly/" + token))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return site.send(request.build());
  }

  @Test
  void aMonthlyDonorsPrivateLinkStopsTheGiftOnceAndIsNeverCached() throws Exception {
    FormClient staff = fundraiser();
    String slug = newCampaign(staff);
    String donor = "monthly-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String ref = pledge(slug, donor, "5000", Map.of("frequency", "MONTHLY"));
    staff.get("/admin/donation?ref=" + ref);
    String receipt =
        staff.submit("donation-form", "confirm", Map.of()).getElementById("receipt").text();
    MimeMessage mail =
        smtp.awaitSubject(
                "Your receipt " + receipt + " from Alliance Against Seclusion & Restraint", 20_000)
            .get(0);
    Matcher link = MONTHLY_LINK.matcher(body(mail));
    assertTrue(link.find(), "the monthly receipt carries the private link: " + body(mail));
    String token = link.group(1);
    Site site = new Site(base);
    URI uri = site.uri("/");
    String origin = uri.getScheme() + "://" + uri.getRawAuthority();

    HttpResponse<String> page = site.get("/donate/monthly/" + token);
    assertEquals(200, page.statusCode());
    assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
    assertTrue(page.headers().firstValue("Set-Cookie").isEmpty(), "no session");
    Document gift = Jsoup.parse(page.body());
    assertEquals("Your monthly gift", gift.selectFirst("h1").text());
    assertTrue(gift.text().contains("$50.00") && gift.text().contains("Appeal " + slug));

    // Neither a post from another site nor one without the confirmation changes anything.
    HttpResponse<String> foreign =
        stop(token, Map.of("Origin", "https://evil.example"), "confirm=yes");
    assertEquals(400, foreign.statusCode());
    assertTrue(foreign.body().contains("only be sent from this site"));
    HttpResponse<String> unconfirmed = stop(token, Map.of("Origin", origin), "confirm=no");
    assertEquals(400, unconfirmed.statusCode());
    assertEquals(200, site.get("/donate/monthly/" + token).statusCode());

    HttpResponse<String> stopped = stop(token, Map.of("Origin", origin), "confirm=yes");
    assertEquals(303, stopped.statusCode(), stopped.body());
    assertEquals(
        "/monthly-gift-cancelled",
        URI.create(stopped.headers().firstValue("Location").orElseThrow()).getPath());
    HttpResponse<String> done = site.get("/monthly-gift-cancelled");
    assertEquals(200, done.statusCode());
    assertTrue(done.body().contains("Your monthly gift is stopped"));
    List<MimeMessage> confirmation =
        smtp.await(
            m -> {
              try {
                return m.getAllRecipients()[0].toString().equals(donor)
                    && m.getSubject().endsWith("is cancelled");
              } catch (Exception e) {
                return false;
              }
            },
            20_000);
    assertEquals(1, confirmation.size());
    assertTrue(body(confirmation.get(0)).contains("Your monthly gift of $50.00"));

    // Used up: a 404 page that says so, not a cached copy of the page it was.
    HttpResponse<String> used = site.get("/donate/monthly/" + token);
    assertEquals(404, used.statusCode());
    assertTrue(used.body().contains("This link does not work"), used.body());
    assertEquals(404, stop(token, Map.of("Origin", origin), "confirm=yes").statusCode());
    HttpResponse<String> madeUp = site.get("/donate/monthly/" + "x".repeat(43));
    assertEquals(404, madeUp.statusCode());
    assertTrue(madeUp.body().contains("This link does not work"));
    Document shown = staff.get("/admin/donation?ref=" + ref);
    assertEquals("Confirmed", shown.getElementById("status").text(), "the month given stays");
    assertTrue(
        shown.getElementById("frequency").text().startsWith("Monthly, stopped on "),
        shown.getElementById("frequency").text());
    assertTrue(
        staff.get("/admin/donations?campaign=" + slug).text().contains("Monthly, stopped"),
        "the list says so too");
    List<String> log = audit();
    assertTrue(
        log.stream().anyMatch(r -> r.contains("MONTHLY_GIFT_CANCELLED") && r.contains(ref)),
        String.join("\n", log));
  }

  // --- dedications ---

  @Test
  void aConfirmedDedicatedGiftTellsThePersonItHonoursOnceWithoutTheAmount() throws Exception {
    FormClient staff = fundraiser();
    String slug = newCampaign(staff);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String donor = "dedicating-" + tag + "@example.org";
    String honoured = "honoured-" + tag + "@example.org";
    String ref =
        pledge(
            slug,
            donor,
            "10000",
            Map.of("dedication", "HONOUR", "dedicatedTo", "Grace Hopper", "notifyEmail", honoured));
    java.util.function.Predicate<MimeMessage> toHonoured =
        m -> {
          try {
            return m.getAllRecipients()[0].toString().equals(honoured);
          } catch (Exception e) {
            return false;
          }
        };
    smtp.await(m -> false, 1_000); // the pledge's own mail has had time to go out
    assertTrue(
        smtp.await(toHonoured, 1).isEmpty(), "nobody is told of a gift before it is confirmed");

    staff.get("/admin/donation?ref=" + ref);
    staff.submit("donation-form", "confirm", Map.of());
    List<MimeMessage> notices = smtp.await(toHonoured, 20_000);

    assertEquals(1, notices.size());
    assertEquals("A gift in honour of Grace Hopper", notices.get(0).getSubject());
    String text = body(notices.get(0));
    assertTrue(text.contains("Ada Lovelace has made a gift to Appeal " + slug), text);
    assertFalse(text.contains("$") || text.contains("100.00"), "never the amount: " + text);
    // Sending the receipt again does not tell them twice.
    staff.get("/admin/donation?ref=" + ref);
    staff.submit("donation-form", "resend", Map.of());
    smtp.await(m -> false, 3_000);
    assertEquals(1, smtp.await(toHonoured, 1).size());
  }
}
