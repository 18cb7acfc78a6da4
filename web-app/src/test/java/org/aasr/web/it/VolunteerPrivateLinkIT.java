package org.aasr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A volunteer's private link on a real Payara Micro, over HTTP as a browser without JavaScript
 * posts its forms, with the emails read from GreenMail: sign up, confirm, receive the link, book,
 * wait, get a freed place, be reminded with an .ics, update details, download the data, revoke, ask
 * for a new link, and be forgotten. In the admin-console execution, as it stores volunteers.
 *
 * <p>Open opportunities with shifts come from a test-only servlet added to the deployed WAR ({@link
 * VolunteerShiftsFixture}) until the coordinator's console makes them.
 */
@ExtendWith(VolunteerPrivateLinkIT.SmtpGiven.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VolunteerPrivateLinkIT {

  /**
   * Runs the class only where the build gave the server a test SMTP port (the admin-console
   * execution), ahead of Arquillian so that no server starts for nothing elsewhere.
   */
  static final class SmtpGiven implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return System.getenv("AASR_SMTP_PORT") == null
          ? ConditionEvaluationResult.disabled("No test SMTP server in this execution")
          : ConditionEvaluationResult.enabled("The admin-console execution's SMTP server");
    }
  }

  private static final Pattern PRIVATE_LINK = Pattern.compile("/volunteer/me/([A-Za-z0-9_-]{43})");
  private static final Pattern CONFIRM_LINK =
      Pattern.compile("/volunteer-confirm\\?token=([A-Za-z0-9_-]{43})");
  private static final long MAIL_WAIT = 20_000;

  private static TestSmtp smtp;

  @ArquillianResource URL base;

  private Site site;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Site.builtWar().addClass(VolunteerShiftsFixture.class);
  }

  @BeforeAll
  static void startSmtp() {
    smtp = TestSmtp.start();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.close();
  }

  @BeforeEach
  void connect() {
    site = new Site(base);
  }

  /** Closes the fixture's opportunities: later tests on this database expect none open. */
  @org.junit.jupiter.api.AfterEach
  void closeFixtures() {
    site.send(HttpRequest.newBuilder(site.uri("/it-fixture/volunteer-shifts")).DELETE().build());
  }

  /** An open opportunity: its slug, a one-place shift in two hours, a five-place one in 3 days. */
  private record Shifts(String slug, long soon, long later) {}

  private Shifts openShifts() {
    HttpResponse<String> response =
        site.send(
            HttpRequest.newBuilder(site.uri("/it-fixture/volunteer-shifts"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(200, response.statusCode(), response.body());
    String[] parts = response.body().trim().split(" ");
    return new Shifts(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
  }

  private static String uniqueEmail(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  private String origin() {
    return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
  }

  private HttpResponse<String> post(String path, List<String[]> fields, String origin) {
    String body =
        String.join(
            "&",
            fields.stream()
                .map(
                    f ->
                        URLEncoder.encode(f[0], StandardCharsets.UTF_8)
                            + "="
                            + URLEncoder.encode(f[1], StandardCharsets.UTF_8))
                .toList());
    return site.send(
        HttpRequest.newBuilder(site.uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", origin)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private HttpResponse<String> post(String path, String... nameValues) {
    List<String[]> fields = new ArrayList<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      fields.add(new String[] {nameValues[i], nameValues[i + 1]});
    }
    return post(path, fields, origin());
  }

  private static String location(HttpResponse<String> response) {
    assertEquals(303, response.statusCode(), response.body());
    return response.headers().firstValue("Location").orElseThrow();
  }

  private static Document html(HttpResponse<String> response) {
    return Jsoup.parse(response.body(), response.uri().toString());
  }

  private static String text(MimeMessage message) {
    try {
      Object content = message.getContent();
      if (content instanceof MimeMultipart parts) {
        return (String) parts.getBodyPart(0).getContent();
      }
      return (String) content;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean to(MimeMessage message, String email) {
    try {
      return message.getRecipients(Message.RecipientType.TO)[0].toString().equals(email);
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean subjectStarts(MimeMessage message, String start) {
    try {
      return message.getSubject().startsWith(start);
    } catch (Exception e) {
      return false;
    }
  }

  private MimeMessage awaitMail(String email, String subjectStart) throws Exception {
    List<MimeMessage> found =
        smtp.await(m -> to(m, email) && subjectStarts(m, subjectStart), MAIL_WAIT);
    assertFalse(found.isEmpty(), "an email '" + subjectStart + "' to " + email);
    return found.get(found.size() - 1);
  }

  private static String find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertTrue(m.find(), pattern + " in " + text);
    return m.group(1);
  }

  /** Signs up, confirms through the emailed link, and returns the private link's path. */
  private String volunteer(String name, String email) throws Exception {
    HttpResponse<String> signUp =
        post(
            "/volunteer-sign-up",
            "fullName",
            name,
            "email",
            email,
            "place",
            "US-OH",
            "interests",
            "EVENTS",
            "consent",
            "yes");
    assertTrue(location(signUp).endsWith("done=new"));
    String confirm =
        find(CONFIRM_LINK, text(awaitMail(email, "Please confirm your email address")));
    assertTrue(location(post("/volunteer-confirm", "token", confirm)).endsWith("done=true"));
    String token = find(PRIVATE_LINK, text(awaitMail(email, "Your private volunteer link")));
    return "/volunteer/me/" + token;
  }

  private Document page(String path) {
    HttpResponse<String> response = site.get(path);
    assertEquals(200, response.statusCode(), path);
    return html(response);
  }

  @Test
  void confirmingEmailsAPrivatePageThatIsNeverCachedAndShowsTheirDetailsEscaped() throws Exception {
    String email = uniqueEmail("ada");
    String link = volunteer("Ada <i>Lovelace</i>", email);

    HttpResponse<String> response = site.get(link);
    HttpResponse<String> again = site.get(link);

    assertEquals(200, response.statusCode());
    for (HttpResponse<String> r : List.of(response, again)) {
      assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
      assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(""));
      assertTrue(r.headers().allValues("Set-Cookie").isEmpty(), "no session");
    }
    assertFalse(response.body().contains("<i>Lovelace</i>"), "escaped");
    Document page = html(response);
    assertEquals("Your volunteer page", page.selectFirst("h1").text());
    assertTrue(page.text().contains("Hello Ada <i>Lovelace</i>."), page.text());
    assertTrue(page.text().contains(email));
    assertEquals("Ada <i>Lovelace</i>", page.selectFirst("#fullName").val());
    assertNotNull(page.selectFirst("#place option[value=US-OH][selected]"));
    assertTrue(page.select("script").isEmpty(), "works without JavaScript");
  }

  @Test
  void bookingWaitlistAndACancellationThatHandsThePlaceOnWithAnEmailAndAReminder()
      throws Exception {
    Shifts shifts = openShifts();
    String bobEmail = uniqueEmail("bob");
    String adaEmail = uniqueEmail("ada");
    String bob = volunteer("Bob Builder", bobEmail);
    String ada = volunteer("Ada Lovelace", adaEmail);

    assertTrue(
        location(post(bob, "action", "book", "shift", String.valueOf(shifts.soon())))
            .endsWith(bob + "?done=booked"));
    assertTrue(
        location(post(ada, "action", "book", "shift", String.valueOf(shifts.soon())))
            .endsWith(ada + "?done=waitlisted"));
    Document waiting = page(ada + "?done=waitlisted");
    assertTrue(waiting.selectFirst("[role=status]").text().contains("you are on its waitlist"));
    assertEquals(
        "On the waitlist",
        waiting.selectFirst("#your-shifts + table td[data-label=Status]").text());
    assertTrue(
        location(post(ada, "action", "book", "shift", String.valueOf(shifts.soon())))
            .endsWith("done=already-waiting"));
    assertTrue(
        location(post(ada, "action", "book", "shift", "not-a-number"))
            .endsWith("done=not-bookable"));

    assertTrue(
        location(post(bob, "action", "cancel", "shift", String.valueOf(shifts.soon())))
            .endsWith("done=cancelled"));

    MimeMessage freed = awaitMail(adaEmail, "You have a place: ");
    assertTrue(text(freed).contains("Stuffing envelopes <b>now</b>"), "plain text, as typed");
    assertEquals(
        "Booked", page(ada).selectFirst("#your-shifts + table td[data-label=Status]").text());
    assertEquals(
        List.of(),
        page(bob).select("#your-shifts + table tbody tr").eachText(),
        "Bob has no shift now");

    MimeMessage reminder = awaitMail(adaEmail, "Reminder: Stuffing envelopes");
    MimeMultipart parts = (MimeMultipart) reminder.getContent();
    BodyPart attachment = parts.getBodyPart(1);
    assertEquals("shift.ics", attachment.getFileName());
    assertTrue(attachment.getContentType().startsWith("text/calendar"));
    ByteArrayOutputStream ics = new ByteArrayOutputStream();
    attachment.getDataHandler().writeTo(ics);
    ICalendar calendar = Biweekly.parse(ics.toString(StandardCharsets.UTF_8)).first();
    VEvent event = calendar.getEvents().get(0);
    assertEquals("Stuffing envelopes <b>now</b>", event.getSummary().getValue());
    assertEquals("In person in Ohio, United States", event.getLocation().getValue());
    assertTrue(event.getUid().getValue().startsWith("booking-"));
    assertTrue(ics.toString(StandardCharsets.UTF_8).contains("TZID:America/New_York"));
    Instant start = event.getDateStart().getValue().toInstant();
    assertTrue(
        Duration.between(Instant.now(), start).toMinutes() > 100
            && Duration.between(Instant.now(), start).toMinutes() <= 120,
        "the shift in two hours: " + start);
    Thread.sleep(3_000);
    assertEquals(
        1,
        smtp.await(m -> to(m, adaEmail) && subjectStarts(m, "Reminder:"), 0).size(),
        "one reminder, however many polls");
  }

  @Test
  void updatingDetailsKeepsInputWithErrorsNextToFieldsThenSaves() throws Exception {
    String email = uniqueEmail("ada");
    String link = volunteer("Ada Lovelace", email);
    String script = "<script>alert(1)</script>";

    HttpResponse<String> refused =
        post(
            link,
            "action",
            "update",
            "fullName",
            script,
            "place",
            "CA-OH",
            "phone",
            "12",
            "interests",
            "ADVOCACY",
            "skills",
            "x".repeat(1001));

    assertEquals(400, refused.statusCode());
    assertFalse(refused.body().contains(script), "escaped");
    Document page = html(refused);
    assertTrue(page.title().startsWith("Error: "), page.title());
    assertEquals(
        "Error: Choose your state or province from the list.",
        page.selectFirst("#place-error").text());
    assertNotNull(page.selectFirst("#phone-error"));
    assertNotNull(page.selectFirst("#skills-error"));
    assertEquals("true", page.selectFirst("#phone").attr("aria-invalid"));
    assertEquals(script, page.selectFirst("#fullName").val(), "input kept");
    assertTrue(page.selectFirst("#interest-ADVOCACY").hasAttr("checked"));
    assertEquals("Ada Lovelace", page(link).selectFirst("#fullName").val(), "nothing stored");

    assertTrue(
        location(
                post(
                    link,
                    "action",
                    "update",
                    "fullName",
                    "Ada King",
                    "email",
                    "mallory@example.org",
                    "place",
                    "CA-ON",
                    "interests",
                    "ADVOCACY",
                    "skills",
                    "Writing"))
            .endsWith("?done=updated"));
    Document saved = page(link);
    assertEquals("Ada King", saved.selectFirst("#fullName").val());
    assertNotNull(saved.selectFirst("#place option[value=CA-ON][selected]"));
    assertTrue(saved.text().contains(email), "the address is not changed here");
  }

  @Test
  void exportDownloadsEverythingAsJson() throws Exception {
    Shifts shifts = openShifts();
    String email = uniqueEmail("ada");
    String link = volunteer("Ada Lovelace", email);
    post(link, "action", "book", "shift", String.valueOf(shifts.later()));

    HttpResponse<String> export = post(link, "action", "export");

    assertEquals(200, export.statusCode());
    assertTrue(
        export.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals(
        "attachment; filename=\"aasr-volunteer-data.json\"",
        export.headers().firstValue("Content-Disposition").orElse(""));
    assertEquals("no-store", export.headers().firstValue("Cache-Control").orElse(""));
    String json = export.body();
    assertTrue(json.startsWith("{"), json);
    assertTrue(json.contains("\"email\": \"" + email + "\""), json);
    assertTrue(json.contains("\"fullName\": \"Ada Lovelace\""), json);
    assertTrue(json.contains("\"shiftNumber\": " + shifts.later()), json);
    assertTrue(json.contains("\"purpose\": \"private link\""), json);
    assertFalse(json.contains(link.substring(link.lastIndexOf('/') + 1)), "no token");
  }

  @Test
  void erasureAsksFirstThenForgetsThemAndTheLinkIsDead() throws Exception {
    Shifts shifts = openShifts();
    String email = uniqueEmail("ada");
    String link = volunteer("Ada Lovelace", email);
    post(link, "action", "book", "shift", String.valueOf(shifts.later()));

    HttpResponse<String> asked = post(link, "action", "erase");
    assertEquals(200, asked.statusCode());
    assertEquals(
        "Are you sure you want us to forget you?",
        html(asked).selectFirst("#erase-heading").text());
    assertEquals(200, site.get(link).statusCode(), "asking erased nothing");

    String forged =
        post(
                link,
                List.of(new String[] {"action", "erase"}, new String[] {"confirm", "yes"}),
                "https://evil.example")
            .body();
    assertTrue(forged.contains("This form can only be sent from this site."));
    assertEquals(200, site.get(link).statusCode(), "a post from another site erased nothing");

    assertTrue(
        location(post(link, "action", "erase", "confirm", "yes"))
            .endsWith("/volunteer-link?done=erased"));

    assertEquals(
        "We have forgotten you", page("/volunteer-link?done=erased").selectFirst("h1").text());
    HttpResponse<String> dead = site.get(link);
    assertEquals(404, dead.statusCode());
    assertEquals("This link does not work", html(dead).selectFirst("h1").text());
    assertEquals("no-store", dead.headers().firstValue("Cache-Control").orElse(""));
    assertEquals(
        404, post(link, "action", "book", "shift", String.valueOf(shifts.soon())).statusCode());
    assertEquals(404, post(link, "action", "export").statusCode());
    int before = smtp.await(m -> to(m, email), 0).size();
    assertTrue(location(post("/volunteer-link", "email", email)).endsWith("done=sent"));
    Thread.sleep(2_500);
    assertEquals(before, smtp.await(m -> to(m, email), 0).size(), "an erased address gets nothing");

    FormClient admin = new FormClient(site.uri("/"));
    admin.get("/admin/login");
    admin.submit(
        "login-form",
        "sign-in",
        Map.of("email", AdminConsoleIT.EMAIL, "password", AdminConsoleIT.PASSWORD));
    Document audit = admin.get("/admin/audit?action=VOLUNTEER_ERASED");
    assertTrue(audit.text().contains("Erased at the volunteer's request"), audit.text());
    assertFalse(admin.get("/admin/audit").text().contains(email), "no address in the audit log");
  }

  @Test
  void aRevokedLinkIsGoneAndANewOneCanBeAskedForWithoutRevealingWhoVolunteers() throws Exception {
    String email = uniqueEmail("bob");
    String link = volunteer("Bob Builder", email);

    assertTrue(location(post(link, "action", "revoke")).endsWith("/volunteer-link?done=revoked"));

    HttpResponse<String> gone = site.get(link);
    assertEquals(410, gone.statusCode());
    assertEquals("This link was revoked", html(gone).selectFirst("h1").text());
    assertEquals(410, post(link, "action", "update", "fullName", "Mallory").statusCode());

    String unknown = location(post("/volunteer-link", "email", uniqueEmail("nobody")));
    String known = location(post("/volunteer-link", "email", email.toUpperCase()));
    assertEquals(unknown, known, "the same answer whatever the address");
    assertTrue(known.endsWith("/volunteer-link?done=sent"));
    assertTrue(
        page("/volunteer-link?done=sent")
            .text()
            .contains("If this address belongs to a volunteer"));

    List<MimeMessage> links =
        smtp.await(
            m ->
                to(m, email)
                    && subjectStarts(m, "Your private volunteer link")
                    && !text(m).contains(link),
            MAIL_WAIT);
    assertEquals(1, links.size());
    String fresh = "/volunteer/me/" + find(PRIVATE_LINK, text(links.get(0)));
    assertEquals("Bob Builder", page(fresh).selectFirst("#fullName").val());
    assertEquals(410, site.get(link).statusCode(), "the old one stays dead");

    HttpResponse<String> empty = post("/volunteer-link", "email", "  ");
    assertEquals(400, empty.statusCode());
    assertNotNull(html(empty).selectFirst("#email-error"));
  }

  @Test
  void aMadeUpTokenGetsAClearPageAndChangesNothing() {
    for (String path :
        List.of(
            "/volunteer/me/" + "A".repeat(43),
            "/volunteer/me/short",
            "/volunteer-me?token=%3Cscript%3E",
            "/volunteer-me")) {
      HttpResponse<String> response = site.get(path);
      assertEquals(404, response.statusCode(), path);
      assertEquals("This link does not work", html(response).selectFirst("h1").text(), path);
      assertNull(html(response).selectFirst("form#details"), path);
      assertFalse(response.body().contains("<script>"), path);
    }
    assertEquals(404, post("/volunteer/me/" + "B".repeat(43), "action", "revoke").statusCode());
  }

  @Test
  void theOpportunityPageTellsVolunteersToBookThroughTheirLink() {
    Shifts shifts = openShifts();

    Document page = page("/volunteer/" + shifts.slug());

    assertEquals("1 place left", page.selectFirst("td[data-label=Places]").text());
    assertNotNull(page.selectFirst("#how-to-book a[href=/volunteer-link]"));
    assertEquals(200, site.get("/volunteer-link").statusCode());
  }

  @Test
  void aVolunteerBooksWithTheKeyboardAloneAndTheNewPagesMeetWcag() throws Exception {
    boolean installed =
        new File(Browser.CHROMIUM).canExecute() && new File(Browser.CHROMEDRIVER).canExecute();
    if (!installed && Boolean.getBoolean("aasr.browser.required")) {
      throw new IllegalStateException("Chromium is required and not installed");
    }
    Assumptions.assumeTrue(installed, "Chromium and chromedriver are not installed");
    Shifts shifts = openShifts();
    String link = volunteer("Grace Hopper", uniqueEmail("grace"));
    ChromeDriver browser = Browser.start(true); // axe runs as a script; the page has none
    try {
      browser.get(site.uri(link).toString());
      Browser.assertMeetsWcag(browser, "the private page");
      String target = String.valueOf(shifts.later());
      WebElement focused = null;
      for (int i = 0; i < 80; i++) {
        new Actions(browser).sendKeys(Keys.TAB).perform();
        focused = browser.switchTo().activeElement();
        List<WebElement> shift = focused.findElements(By.xpath("../input[@name='shift']"));
        if ("button".equals(focused.getTagName())
            && !shift.isEmpty()
            && target.equals(shift.get(0).getAttribute("value"))
            && focused.getText().startsWith("Book")) {
          break;
        }
        focused = null;
      }
      assertNotNull(focused, "the Book button of the shift is reachable with Tab");
      new Actions(browser).sendKeys(Keys.ENTER).perform();
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      wait.until(ExpectedConditions.urlContains("?done="));

      assertTrue(browser.getCurrentUrl().endsWith("?done=booked"), browser.getCurrentUrl());
      assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("booked"));
      Browser.assertMeetsWcag(browser, "the private page after booking");

      browser.findElement(By.cssSelector("#erase button")).sendKeys(Keys.ENTER);
      assertNotNull(
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("erase-heading"))));
      Browser.assertMeetsWcag(browser, "the erasure question");

      browser.get(site.uri("/volunteer-link").toString());
      Browser.assertMeetsWcag(browser, "/volunteer-link");
      browser.get(site.uri("/volunteer/" + shifts.slug()).toString());
      Browser.assertMeetsWcag(browser, "the opportunity page");
      browser.get(site.uri("/volunteer/me/" + "A".repeat(43)).toString());
      Browser.assertMeetsWcag(browser, "a dead link's page");
    } finally {
      browser.quit();
    }
  }
}
