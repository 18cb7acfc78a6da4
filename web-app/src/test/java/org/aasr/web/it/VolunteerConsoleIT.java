package org.aasr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The volunteer coordinator's console on a real Payara Micro, over HTTP as a browser without
 * JavaScript posts its forms (and, for accessibility, in Chromium with axe): opportunities and
 * shifts, the volunteers' list with filters and CSV, a volunteer's status workflow, assignment and
 * hours, the dashboard; the audit entries each change leaves; and an editor refused all of it.
 *
 * <p>Volunteers sign up on the public form and confirm through the link emailed to them (GreenMail
 * on the port the build reserved), as real volunteers do. Runs in the admin-console execution only
 * (it needs that server's mail settings); its data is made unique, as that database is shared with
 * the other console tests.
 */
@EnabledIfEnvironmentVariable(named = "AASR_SMTP_PORT", matches = "[0-9]+")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VolunteerConsoleIT {

  private static final Pattern CONFIRM_LINK =
      Pattern.compile("(https?://\\S+/volunteer-confirm\\?token=([A-Za-z0-9_-]+))");

  /** The accounts and volunteers every test uses, made once for the deployment. */
  private static Fixture fixture;

  private static TestSmtp smtp;

  @ArquillianResource URL base;

  private Site site;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Site.builtWar();
  }

  private record Fixture(
      String coordinatorEmail,
      String coordinatorPassword,
      String editorEmail,
      String editorPassword,
      String tag,
      long ada,
      long bo,
      long unconfirmed) {}

  @BeforeEach
  void setUp() throws Exception {
    site = new Site(base);
    if (fixture == null) {
      if (smtp == null) {
        smtp = TestSmtp.start();
      }
      String tag = UUID.randomUUID().toString().substring(0, 8);
      String coordinator = "coordinator-" + tag + "@aasr.test";
      String editor = "editor-" + tag + "@aasr.test";
      String coordinatorPassword = "the coordinator's own password " + tag;
      String editorPassword = "the editor's own password " + tag;
      FormClient admin = signedIn(AdminConsoleIT.EMAIL, AdminConsoleIT.PASSWORD);
      firstSignIn(
          coordinator, invite(admin, coordinator, "VOLUNTEER_COORDINATOR"), coordinatorPassword);
      firstSignIn(editor, invite(admin, editor, "EDITOR"), editorPassword);
      long ada =
          signUp(
              "ada-" + tag + "@example.org",
              "Ada " + tag,
              "US-OH",
              "EVENTS",
              "Public speaking " + tag,
              true);
      long bo =
          signUp(
              "bo-" + tag + "@example.org",
              "=HYPERLINK(\"http://evil.example\",\"Bo " + tag + "\")",
              "CA-ON",
              "ADVOCACY",
              "Design " + tag,
              true);
      long unconfirmed =
          signUp(
              "cy-" + tag + "@example.org",
              "Cy " + tag,
              "US-NY",
              "EVENTS",
              "Writing " + tag,
              false);
      fixture =
          new Fixture(
              coordinator, coordinatorPassword, editor, editorPassword, tag, ada, bo, unconfirmed);
    }
  }

  /** The opportunities a test published, closed after it. */
  private final List<Long> published = new ArrayList<>();

  /**
   * Closes what the test published: the console's database is shared with VolunteerSignUpIT, which
   * expects no open opportunity on the public page.
   */
  @AfterEach
  void closePublished() {
    if (published.isEmpty()) {
      return;
    }
    FormClient c = coordinator();
    for (long id : published) {
      Document page = c.get("/admin/opportunity?id=" + id);
      if (page.getElementById("opportunity-form:close") != null) {
        c.submit("opportunity-form", "close", Map.of());
      }
    }
  }

  @AfterAll
  static void stopMail() {
    if (smtp != null) {
      smtp.close();
      smtp = null;
    }
    fixture = null;
  }

  // Helpers: accounts, sign-ups, forms.

  private FormClient signedIn(String email, String password) {
    FormClient client = new FormClient(site.uri("/"));
    client.get("/admin/login");
    client.submit("login-form", "sign-in", Map.of("email", email, "password", password));
    return client;
  }

  private FormClient coordinator() {
    return signedIn(fixture.coordinatorEmail(), fixture.coordinatorPassword());
  }

  private static String invite(FormClient admin, String email, String role) {
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

  private void firstSignIn(String email, String oneTime, String chosen) {
    FormClient person = signedIn(email, oneTime);
    assertEquals("/admin/password", person.path());
    person.submit(
        "password-form",
        "change",
        Map.of("current-password", oneTime, "new-password", chosen, "confirmation", chosen));
  }

  private String origin() {
    return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
  }

  private HttpResponse<String> postForm(String path, List<String[]> fields) {
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
            .header("Origin", origin())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /**
   * Signs someone up on the public form and, if asked, confirms their address with the emailed
   * link; returns their number, read from the console's list.
   */
  private long signUp(
      String email, String name, String place, String interest, String skills, boolean confirm)
      throws Exception {
    List<String[]> form = new ArrayList<>();
    form.add(new String[] {"fullName", name});
    form.add(new String[] {"email", email});
    form.add(new String[] {"place", place});
    form.add(new String[] {"interests", interest});
    form.add(new String[] {"skills", skills});
    form.add(new String[] {"consent", "yes"});
    HttpResponse<String> done = postForm("/volunteer-sign-up", form);
    assertEquals(303, done.statusCode(), done.body());
    if (confirm) {
      String token = confirmationToken(email);
      HttpResponse<String> confirmed =
          postForm("/volunteer-confirm", List.<String[]>of(new String[] {"token", token}));
      assertTrue(confirmed.statusCode() < 400, confirmed.body());
    }
    FormClient admin = signedIn(AdminConsoleIT.EMAIL, AdminConsoleIT.PASSWORD);
    Document list =
        admin.get("/admin/volunteers?skill=" + URLEncoder.encode(skills, StandardCharsets.UTF_8));
    Element link = list.selectFirst("#volunteers-form\\:volunteers tbody a[href*=volunteer?id=]");
    assertNotNull(link, list.text());
    return Long.parseLong(link.attr("href").replaceAll(".*id=", ""));
  }

  private static String confirmationToken(String email) throws Exception {
    long until = System.currentTimeMillis() + 90_000;
    while (System.currentTimeMillis() < until) {
      for (MimeMessage m : smtp.awaitSubject("Please confirm your email address", 2_000)) {
        if (m.getAllRecipients()[0].toString().equals(email)) {
          Matcher link = CONFIRM_LINK.matcher(m.getContent().toString());
          assertTrue(link.find(), m.getContent().toString());
          return link.group(2);
        }
      }
    }
    throw new AssertionError("no confirmation email for " + email);
  }

  private static boolean mailTo(String email, String subject) {
    return smtp.withSubject(subject).stream()
        .anyMatch(
            m -> {
              try {
                return m.getAllRecipients()[0].toString().equals(email);
              } catch (jakarta.mail.MessagingException e) {
                return false;
              }
            });
  }

  private static String message(Document page) {
    Element messages = page.selectFirst("#messages");
    return messages == null ? "" : messages.text();
  }

  /** The text of the message shown next to a field of a form. */
  private static String fieldMessage(Document page, String form, String field) {
    Element message =
        page.selectFirst("#" + form + " .field:has(#" + form + "\\:" + field + ") .ui-message");
    return message == null ? "" : message.text();
  }

  /** Creates and publishes an opportunity; returns its number. */
  private long newOpenOpportunity(FormClient c, String title) {
    c.get("/admin/opportunity");
    Document saved = c.submit("opportunity-form", "save", opportunityFields(title, ""));
    assertTrue(message(saved).contains("Opportunity created as a draft."), message(saved));
    long id = Long.parseLong(c.last().uri().getQuery().replaceAll(".*id=", ""));
    Document page = c.submit("opportunity-form", "publish", Map.of());
    assertTrue(page.selectFirst("#opportunity-status").text().contains("OPEN"));
    published.add(id);
    return id;
  }

  private static Map<String, String> opportunityFields(String title, String slug) {
    Map<String, String> fields = new HashMap<>();
    fields.put("title", title);
    fields.put("slug", slug);
    fields.put("summary", "Help at the spring fair.");
    fields.put("involves", "Greeting people.\n\nSetting up tables.");
    fields.put("place-kind_input", "IN_PERSON");
    fields.put("place_input", "US-OH");
    fields.put("time-asked", "Three hours");
    return fields;
  }

  private static Map<String, String> shiftFields(int daysAhead, String capacity) {
    LocalDateTime start =
        LocalDateTime.now(ZoneId.of("America/New_York"))
            .plusDays(daysAhead)
            .withHour(10)
            .withMinute(0);
    return Map.of(
        "shift-start",
        start.toString().substring(0, 16),
        "shift-end",
        start.plusHours(3).toString().substring(0, 16),
        "shift-zone_input",
        "America/New_York",
        "shift-capacity",
        capacity);
  }

  private Document audit(FormClient admin, String action) {
    return admin.get("/admin/audit?action=" + action);
  }

  // Access.

  @Test
  void anEditorIsRefusedEveryVolunteerPageAndSeesNoVolunteerData() {
    FormClient editor = signedIn(fixture.editorEmail(), fixture.editorPassword());

    Document dashboard = editor.get("/admin");
    assertEquals("Dashboard", dashboard.selectFirst("h1").text());
    assertTrue(dashboard.select("a[href=/admin/volunteers]").isEmpty(), "no menu entry");
    assertNull(dashboard.getElementById("waiting-heading"));
    assertFalse(
        dashboard.selectFirst("main").text().contains("Ada " + fixture.tag()),
        "no volunteer's name on the dashboard");
    for (String page :
        List.of(
            "/admin/volunteers",
            "/admin/volunteers?status=NEW",
            "/admin/volunteer?id=" + fixture.ada(),
            "/admin/opportunities",
            "/admin/opportunity",
            "/admin/opportunity?id=1")) {
      Document refused = editor.get(page);
      assertEquals(403, editor.last().statusCode(), page);
      assertFalse(refused.text().contains(fixture.tag()), page);
    }
  }

  @Test
  void aCoordinatorHasTheMenuEntryAndTheDashboardsVolunteerLists() {
    FormClient c = coordinator();
    long opportunity = newOpenOpportunity(c, "Dashboard fair " + fixture.tag());
    c.submit("shift-form", "save-shift", shiftFields(2, "3"));

    Document dashboard = c.get("/admin");

    assertNotNull(dashboard.selectFirst("header nav a[href=/admin/volunteers]"));
    assertTrue(
        dashboard
                    .select(
                        "#waiting-for-contact a[href=/admin/volunteer?id=" + fixture.ada() + "]")
                    .size()
                == 1
            || dashboard.select("#waiting-for-contact li").size() == 10,
        "a confirmed new sign-up waits for contact (or the list is full of older ones)");
    assertTrue(
        dashboard
            .select(
                "#waiting-for-contact a[href=/admin/volunteer?id=" + fixture.unconfirmed() + "]")
            .isEmpty(),
        "an unconfirmed sign-up is not to be contacted");
    Element lacking =
        dashboard.selectFirst(
            "#shifts-lacking-people li:has(a[href=/admin/opportunity?id=" + opportunity + "])");
    assertNotNull(lacking, dashboard.text());
    assertTrue(lacking.text().contains("3 of 3 places left"), lacking.text());
  }

  // Opportunities and shifts.

  @Test
  void aCoordinatorCreatesEditsPublishesAndClosesAnOpportunityEachAudited() {
    FormClient c = coordinator();
    String title = "Spring fair " + fixture.tag();
    long id = newOpenOpportunity(c, title);
    String slug = "spring-fair-" + fixture.tag();
    assertEquals(200, site.get("/volunteer/" + slug).statusCode(), "open: on the public site");
    assertTrue(
        site.page("/volunteer").text().contains(title), "listed at once, whatever was cached");

    Map<String, String> edited = opportunityFields(title + " <b>edited</b>", slug);
    Document page = c.submit("opportunity-form", "save", edited);
    assertTrue(message(page).contains("Opportunity saved."));
    assertEquals(title + " <b>edited</b>", page.getElementById("opportunity-form:title").val());
    assertFalse(site.get("/volunteer/" + slug).body().contains("<b>edited</b>"), "escaped");

    page = c.submit("opportunity-form", "close", Map.of());
    assertTrue(page.selectFirst("#opportunity-status").text().contains("CLOSED"));
    assertEquals(404, site.get("/volunteer/" + slug).statusCode(), "closed: gone from the site");
    assertFalse(site.page("/volunteer").text().contains(title), "and from the list");
    Document list = c.get("/admin/opportunities");
    assertNotNull(list.selectFirst("a[href=/admin/opportunity?id=" + id + "]"));

    FormClient admin = signedIn(AdminConsoleIT.EMAIL, AdminConsoleIT.PASSWORD);
    for (String action :
        List.of(
            "OPPORTUNITY_CREATED",
            "OPPORTUNITY_UPDATED",
            "OPPORTUNITY_PUBLISHED",
            "OPPORTUNITY_CLOSED")) {
      String rows = audit(admin, action).select("#audit-form\\:entries tbody tr").text();
      assertTrue(rows.contains("opportunity " + id), action + ": " + rows);
      assertTrue(rows.contains(fixture.coordinatorEmail()), action);
    }
  }

  @Test
  void badOpportunityInputIsShownNextToEachFieldAndNothingIsStored() {
    FormClient c = coordinator();
    c.get("/admin/opportunity");
    Map<String, String> bad = opportunityFields("", "Not An Address");
    bad.put("summary", "");
    bad.put("time-asked", "x".repeat(201));

    Document page = c.submit("opportunity-form", "save", bad);

    assertEquals(200, c.last().statusCode());
    assertEquals("/admin/opportunity", c.path());
    assertEquals("Enter a title.", fieldMessage(page, "opportunity-form", "title"));
    assertEquals("Enter a short summary.", fieldMessage(page, "opportunity-form", "summary"));
    assertTrue(fieldMessage(page, "opportunity-form", "time-asked").startsWith("Shorten"));
    assertEquals("x".repeat(201), page.getElementById("opportunity-form:time-asked").val(), "kept");
    assertEquals(404, site.get("/volunteer/not-an-address").statusCode());
  }

  @Test
  void aShiftsCapacityCannotDropBelowThePlacesTakenAndSaysSoNextToTheField() {
    FormClient c = coordinator();
    long opportunity = newOpenOpportunity(c, "Capacity day " + fixture.tag());
    Document page = c.submit("shift-form", "save-shift", shiftFields(5, "2"));
    assertTrue(message(page).contains("Shift added."), message(page));
    String edit = page.selectFirst("#shifts-form a[href*=shift=]").attr("href");
    long shift = Long.parseLong(edit.replaceAll(".*shift=", ""));
    // Two confirmed volunteers take both places.
    for (long v : List.of(fixture.ada(), fixture.bo())) {
      c.get("/admin/volunteer?id=" + v);
      Document assigned =
          c.submit("assign-form", "assign", Map.of("shift_input", String.valueOf(shift)));
      assertTrue(message(assigned).contains("Assigned to the shift"), message(assigned));
    }

    c.get(edit);
    Document refused = c.submit("shift-form", "save-shift", shiftFields(5, "1"));

    assertEquals(
        "2 places are already taken on this shift: its capacity cannot be fewer than 2. Cancel"
            + " bookings first to make it smaller.",
        fieldMessage(refused, "shift-form", "shift-capacity"));
    assertEquals("1", refused.getElementById("shift-form:shift-capacity").val(), "input kept");
    Document opportunityPage = c.get("/admin/opportunity?id=" + opportunity);
    assertTrue(opportunityPage.selectFirst("#shifts-form").text().contains("2 of 2 taken"));
    Document bad = c.submit("shift-form", "save-shift", Map.of("shift-capacity", "lots"));
    assertTrue(
        fieldMessage(bad, "shift-form", "shift-start").startsWith("Enter when the shift starts"));
    assertTrue(fieldMessage(bad, "shift-form", "shift-capacity").startsWith("Enter how many"));
    // A shift with people on it is not removed.
    Document notRemoved =
        c.submit(
            "shifts-form",
            opportunityPage
                .selectFirst("#shifts-form button[id$=remove]")
                .id()
                .substring("shifts-form:".length()),
            Map.of());
    assertTrue(message(notRemoved).contains("cancel their places first"), message(notRemoved));
    // Cancelling one place from the volunteer's page lets the capacity come down to one.
    Document bo = c.get("/admin/volunteer?id=" + fixture.bo());
    String cancel =
        bo.selectFirst("#assigned-shifts li:contains(Capacity day " + fixture.tag() + ") button")
            .id();
    Document cancelled =
        c.submit("assigned-form", cancel.substring("assigned-form:".length()), Map.of());
    assertTrue(message(cancelled).contains("Their place is cancelled"), message(cancelled));
    c.get(edit);
    Document smaller = c.submit("shift-form", "save-shift", shiftFields(5, "1"));
    assertTrue(message(smaller).contains("Shift saved."), message(smaller));
    assertTrue(smaller.selectFirst("#shifts-form").text().contains("1 of 1 taken"));
    assertTrue(
        mailTo(
                "ada-" + fixture.tag() + "@example.org",
                "Your volunteer shift: Capacity day " + fixture.tag())
            || awaitMail(
                "ada-" + fixture.tag() + "@example.org",
                "Your volunteer shift: Capacity day " + fixture.tag()));
  }

  private static boolean awaitMail(String email, String subject) {
    long until = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < until) {
      if (mailTo(email, subject)) {
        return true;
      }
      try {
        smtp.awaitSubject(subject, 1_000);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return false;
  }

  // Volunteers.

  @Test
  void theListFiltersByStatusInterestPlaceAndSkillAndMarksTheUnconfirmed() {
    FormClient c = coordinator();

    Document ohio =
        c.get("/admin/volunteers?place=US-OH&interest=EVENTS&status=NEW&skill=" + fixture.tag());
    assertEquals(
        1,
        ohio.select("#volunteers-form\\:volunteers tbody a[href*=volunteer?id=]").size(),
        ohio.text());
    assertTrue(ohio.text().contains("Ada " + fixture.tag()));
    assertEquals(
        "selected", ohio.selectFirst("#filter-place option[value=US-OH]").attr("selected"));
    Document canada = c.get("/admin/volunteers?place=CA&skill=" + fixture.tag());
    assertTrue(canada.text().contains("Bo " + fixture.tag()));
    assertFalse(canada.text().contains("Ada " + fixture.tag()));
    Document unconfirmed = c.get("/admin/volunteers?skill=Writing+" + fixture.tag());
    assertTrue(unconfirmed.text().contains("Unconfirmed: do not contact"), unconfirmed.text());
    Document none = c.get("/admin/volunteers?skill=" + fixture.tag() + "&interest=FUNDRAISING");
    assertTrue(none.text().contains("No volunteer matches."));
    Document bogus = c.get("/admin/volunteers?status=%3Cscript%3E&place=XX-YY");
    assertEquals(200, c.last().statusCode(), "an unknown filter value is ignored");
    assertFalse(bogus.html().contains("<script>"));
  }

  @Test
  void theCsvHasTheFilteredRowsWithFormulasMadeTextAndTheExportIsAudited() {
    FormClient c = coordinator();
    c.get("/admin/volunteers?skill=" + fixture.tag());

    c.submit("volunteers-form", "export", Map.of());

    HttpResponse<String> csv = c.last();
    assertEquals(200, csv.statusCode());
    assertTrue(
        csv.headers().firstValue("Content-Type").orElse("").contains("csv"),
        csv.headers().toString());
    assertTrue(
        csv.headers().firstValue("Content-Disposition").orElse("").contains("volunteers.csv"));
    String[] lines = csv.body().split("\r\n");
    assertEquals(4, lines.length, csv.body());
    assertTrue(lines[0].startsWith("id,name,email,confirmed,status"));
    assertTrue(
        csv.body()
            .contains(
                "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Bo " + fixture.tag() + "\"\")\""),
        csv.body());
    assertFalse(csv.body().contains(",=HYPERLINK"), "never a bare formula");
    assertTrue(
        csv.body().contains("cy-" + fixture.tag() + "@example.org,no,"), "unconfirmed marked");

    FormClient admin = signedIn(AdminConsoleIT.EMAIL, AdminConsoleIT.PASSWORD);
    String rows =
        audit(admin, "VOLUNTEERS_EXPORTED").select("#audit-form\\:entries tbody tr").text();
    assertTrue(rows.contains("3 volunteers exported"), rows);
    assertFalse(rows.contains("@example.org"), "no address in the audit log");
  }

  @Test
  void theStatusWorkflowRefusesImpossibleStepsAndKeepsEachNote() {
    FormClient c = coordinator();
    long v =
        assertDoesNotFail(
            () ->
                signUp(
                    "di-" + fixture.tag() + "@example.org",
                    "Di " + fixture.tag(),
                    "US-OH",
                    "EVENTS",
                    "Cooking " + UUID.randomUUID(),
                    true));
    Document page = c.get("/admin/volunteer?id=" + v);
    assertEquals("New", page.getElementById("current-status").text());
    assertEquals(
        List.of("", "CONTACTED", "DECLINED"),
        page.select("#status-form\\:new-status_input option").eachAttr("value"),
        "only the workflow's next steps are offered");

    Document skipped =
        c.submit(
            "status-form",
            "change-status",
            Map.of("new-status_input", "ACTIVE", "note", "Straight in"));
    assertFalse(
        fieldMessage(skipped, "status-form", "new-status").isEmpty(), "a forged step is refused");
    Document noNote =
        c.submit(
            "status-form", "change-status", Map.of("new-status_input", "CONTACTED", "note", " "));
    assertEquals("Enter a note.", fieldMessage(noNote, "status-form", "note"));

    c.submit(
        "status-form",
        "change-status",
        Map.of("new-status_input", "CONTACTED", "note", "Phoned <script>alert(1)</script>"));
    page =
        c.submit(
            "status-form",
            "change-status",
            Map.of("new-status_input", "ACTIVE", "note", "First shift"));

    assertTrue(message(page).contains("Status changed to Active"), message(page));
    assertEquals("Active", page.getElementById("current-status").text());
    List<String> notes = page.select("#notes li").eachText();
    assertEquals(2, notes.size(), notes.toString());
    assertTrue(notes.get(0).startsWith("Contacted → Active"), notes.get(0));
    assertTrue(notes.get(1).contains("Phoned <script>alert(1)</script>"), "kept as typed");
    assertFalse(page.html().contains("<script>alert(1)"), "and escaped");
    String rows =
        audit(signedIn(AdminConsoleIT.EMAIL, AdminConsoleIT.PASSWORD), "VOLUNTEER_STATUS_CHANGED")
            .select("#audit-form\\:entries tbody tr")
            .text();
    assertTrue(rows.contains("CONTACTED → ACTIVE"), rows);
    assertFalse(rows.contains("First shift"), "the note stays with the volunteer, not in the log");
  }

  @Test
  void anUnconfirmedVolunteerIsMarkedAndCannotBeAssignedNorContacted() {
    FormClient c = coordinator();
    Document page = c.get("/admin/volunteer?id=" + fixture.unconfirmed());

    assertNotNull(page.getElementById("unconfirmed"));
    assertNull(page.getElementById("assign-form"), "no assignment offered");
    assertEquals(
        List.of("", "DECLINED"),
        page.select("#status-form\\:new-status_input option").eachAttr("value"));
    Document refused =
        c.submit(
            "status-form",
            "change-status",
            Map.of("new-status_input", "CONTACTED", "note", "Emailed"));
    assertFalse(
        fieldMessage(refused, "status-form", "new-status").isEmpty(),
        "refused (the module says why: DefaultVolunteerCoordinationTest)");
    assertEquals(
        "New",
        c.get("/admin/volunteer?id=" + fixture.unconfirmed())
            .getElementById("current-status")
            .text());
  }

  @Test
  void aCoordinatorSendsAVolunteerTheirDataThenErasesItAndTheirHoursStayInTheTotals()
      throws Exception {
    FormClient c = coordinator();
    String email = "erin-" + fixture.tag() + "@example.org";
    String skills = "Quilting " + UUID.randomUUID();
    long v = signUp(email, "Erin " + fixture.tag(), "CA-ON", "EVENTS", skills, true);
    c.get("/admin/volunteer?id=" + v);
    c.submit(
        "status-form",
        "change-status",
        Map.of("new-status_input", "CONTACTED", "note", "Phoned Erin about the gala"));
    String day = LocalDate.now(ZoneId.of("UTC")).minusDays(1).toString();
    c.submit("hours-form", "log-hours", Map.of("worked-on", day, "hours", "1", "minutes", "20"));
    String totalsBefore = c.get("/admin/opportunities").select("#hours-by-month").text();

    c.get("/admin/volunteer?id=" + v);
    c.submit("privacy-form", "export-data", Map.of());
    HttpResponse<String> file = c.last();
    assertEquals(200, file.statusCode());
    assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
    assertTrue(file.headers().firstValue("Content-Type").orElse("").contains("json"));
    assertTrue(file.body().contains(email), "their address");
    assertTrue(file.body().contains("Phoned Erin about the gala"), "the coordinator's note");
    assertTrue(
        file.body().contains("\"minutes\":80") || file.body().contains("\"minutes\": 80"),
        file.body());

    c.get("/admin/volunteer?id=" + v);
    Document list = c.submit("privacy-form", "erase", Map.of());

    assertTrue(message(list).contains("personal data was erased"), message(list));
    assertEquals(404, c.getRaw("/admin/volunteer?id=" + v).statusCode(), "nobody to show");
    assertFalse(
        c.get("/admin/volunteers?skill=" + URLEncoder.encode(skills, StandardCharsets.UTF_8))
            .text()
            .contains("Erin " + fixture.tag()));
    assertEquals(
        totalsBefore,
        c.get("/admin/opportunities").select("#hours-by-month").text(),
        "their hours still count, anonymous");
    String rows =
        audit(signedIn(AdminConsoleIT.EMAIL, AdminConsoleIT.PASSWORD), "VOLUNTEER_ERASED")
            .select("#audit-form\\:entries tbody tr")
            .text();
    assertTrue(rows.contains(String.valueOf(v)), rows);
    assertFalse(rows.contains(email), "the log names the number, never the address");
  }

  @Test
  void hoursAreLoggedAndTotalledPerMonthAndBadHoursAreRefusedNextToTheField() {
    FormClient c = coordinator();
    c.get("/admin/volunteer?id=" + fixture.bo());
    LocalDate today = LocalDate.now(ZoneId.of("UTC")).minusDays(1);

    Document future =
        c.submit(
            "hours-form",
            "log-hours",
            Map.of("worked-on", "2999-01-01", "hours", "1", "minutes", ""));
    assertEquals(
        "The day cannot be in the future.", fieldMessage(future, "hours-form", "worked-on"));
    Document bad =
        c.submit(
            "hours-form",
            "log-hours",
            Map.of("worked-on", today.toString(), "hours", "x", "minutes", ""));
    assertTrue(
        bad.selectFirst("#hours-form fieldset .ui-message").text().startsWith("Enter the time"));
    assertEquals("In all: 0 min", bad.getElementById("hours-total").text(), "nothing stored");

    c.submit(
        "hours-form",
        "log-hours",
        Map.of("worked-on", today.toString(), "hours", "2", "minutes", "30"));
    Document page =
        c.submit(
            "hours-form",
            "log-hours",
            Map.of("worked-on", today.toString(), "hours", "", "minutes", "45"));

    assertTrue(message(page).contains("Hours logged."), message(page));
    assertEquals("In all: 3 h 15 min", page.getElementById("hours-total").text());
    assertTrue(
        page.selectFirst("#month-totals")
            .text()
            .contains(today.toString().substring(0, 7) + " 3 h 15 min"));
    assertEquals(2, page.select("#hours-entries tbody tr").size());
    String rows =
        audit(signedIn(AdminConsoleIT.EMAIL, AdminConsoleIT.PASSWORD), "HOURS_LOGGED")
            .select("#audit-form\\:entries tbody tr")
            .text();
    assertTrue(rows.contains("150 minutes on " + today), rows);
  }

  @Test
  void everyNewConsolePageMeetsWcagInChromium() throws Exception {
    File chromium = new File(Browser.CHROMIUM);
    Assumptions.assumeTrue(
        chromium.canExecute() && new File(Browser.CHROMEDRIVER).canExecute()
            || Boolean.getBoolean("aasr.browser.required"),
        "Chromium is not installed");
    FormClient c = coordinator();
    long opportunity = newOpenOpportunity(c, "Axe day " + fixture.tag());
    c.submit("shift-form", "save-shift", shiftFields(3, "4"));
    ChromeDriver browser = Browser.start(true);
    try {
      URI root = site.uri("/");
      browser.get(root.resolve("admin/login").toString());
      browser.findElement(By.id("login-form:email")).sendKeys(fixture.coordinatorEmail());
      browser.findElement(By.id("login-form:password")).sendKeys(fixture.coordinatorPassword());
      browser.findElement(By.id("login-form:sign-in")).click();
      new WebDriverWait(browser, Duration.ofSeconds(15))
          .until(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
      for (String page :
          List.of(
              "admin/",
              "admin/volunteers",
              "admin/volunteers?status=NEW&place=US-OH&skill=" + fixture.tag(),
              "admin/volunteer?id=" + fixture.ada(),
              "admin/volunteer?id=" + fixture.unconfirmed(),
              "admin/opportunities",
              "admin/opportunity",
              "admin/opportunity?id=" + opportunity)) {
        browser.get(root.resolve(page).toString());
        Browser.assertMeetsWcag(browser, page);
      }
      // WCAG 1.4.10: at 320 CSS pixels nothing needs sideways scrolling, long typed names included.
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(320, 800));
      for (String page :
          List.of(
              "admin/",
              "admin/volunteers",
              "admin/volunteer?id=" + fixture.bo(),
              "admin/opportunities",
              "admin/opportunity?id=" + opportunity)) {
        browser.get(root.resolve(page).toString());
        Thread.sleep(500); // PrimeFaces sizes its select menus just after the page loads
        long wide = (Long) browser.executeScript("return document.documentElement.scrollWidth;");
        long viewport =
            (Long) browser.executeScript("return document.documentElement.clientWidth;");
        assertTrue(
            wide <= viewport,
            page
                + ": "
                + wide
                + " px wide in "
                + viewport
                + ": "
                + browser.executeScript(
                    "return Array.from(document.querySelectorAll('body *')).filter(e =>"
                        + " e.getBoundingClientRect().right > document.documentElement.clientWidth"
                        + " + 1 || e.scrollWidth > document.documentElement.clientWidth + 1)"
                        + ".slice(0, 12).map(e => e.tagName + '#' + e.id + '.' + e.className + ' '"
                        + " + Math.round(e.getBoundingClientRect().right) + '/' + e.scrollWidth)"
                        + ".join(' | ')"));
      }
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
      // A refused form, with its messages next to the fields, too.
      browser.get(root.resolve("admin/opportunity").toString());
      new WebDriverWait(browser, Duration.ofSeconds(15))
          .until(ExpectedConditions.elementToBeClickable(By.id("opportunity-form:save")))
          .click();
      new WebDriverWait(browser, Duration.ofSeconds(15))
          .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-message-error")));
      Browser.assertMeetsWcag(browser, "a refused opportunity form");
    } finally {
      browser.quit();
    }
  }

  private interface Failing<T> {
    T get() throws Exception;
  }

  private static <T> T assertDoesNotFail(Failing<T> work) {
    try {
      return work.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
