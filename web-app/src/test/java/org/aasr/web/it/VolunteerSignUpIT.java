package org.aasr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Volunteering's public pages on a real Payara Micro, over HTTP as a browser without JavaScript
 * posts the form. In the admin-console execution, as it stores volunteers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VolunteerSignUpIT {

  @ArquillianResource URL base;

  private Site site;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Site.builtWar();
  }

  @BeforeEach
  void connect() {
    site = new Site(base);
  }

  private static String uniqueEmail() {
    return "v-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  /** A complete, acceptable sign-up, as name and value pairs (checkboxes may repeat a name). */
  private static List<String[]> form(String email) {
    List<String[]> form = new ArrayList<>();
    form.add(new String[] {"fullName", "Ada Lovelace"});
    form.add(new String[] {"email", email});
    form.add(new String[] {"phone", "+1 (555) 123-4567"});
    form.add(new String[] {"place", "US-NY"});
    form.add(new String[] {"interests", "EVENTS"});
    form.add(new String[] {"interests", "ADVOCACY"});
    form.add(new String[] {"skills", "Public speaking"});
    form.add(new String[] {"availability", "Saturdays"});
    form.add(new String[] {"experience", "PARENT_OR_GUARDIAN"});
    form.add(new String[] {"howHeard", "A friend"});
    form.add(new String[] {"consent", "yes"});
    return form;
  }

  private static List<String[]> with(List<String[]> form, String name, String value) {
    List<String[]> changed =
        new ArrayList<>(form.stream().filter(f -> !f[0].equals(name)).toList());
    if (value != null) {
      changed.add(new String[] {name, value});
    }
    return changed;
  }

  private HttpResponse<String> post(List<String[]> fields, String origin) {
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
    HttpRequest.Builder request =
        HttpRequest.newBuilder(site.uri("/volunteer-sign-up"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return site.send(request.build());
  }

  private HttpResponse<String> post(List<String[]> fields) {
    return post(fields, base.getProtocol() + "://" + base.getHost() + ":" + base.getPort());
  }

  private static Document html(HttpResponse<String> response) {
    return Jsoup.parse(response.body(), response.uri().toString());
  }

  @Test
  void theVolunteerPageIsInTheMainNavigationAndOnTheHomePage() {
    Document home = site.page("/");

    assertNotNull(home.selectFirst("header nav[aria-label=Main] a[href=/volunteer]"));
    assertNotNull(home.selectFirst("main a[href=/volunteer]"));
    Document page = site.page("/volunteer");
    assertEquals("Volunteer with us", page.selectFirst("h1").text());
    assertEquals("page", page.selectFirst("header nav a[href=/volunteer]").attr("aria-current"));
  }

  @Test
  void theVolunteerStoriesInviteReadersToVolunteerAndOtherStoriesDoNot() {
    Document spotlight = site.page("/stories/volunteers-lead-the-way-to-change");
    Document other = site.page("/stories/my-aasr-story-chantelle-hyde");

    assertEquals(
        "Volunteer with us",
        spotlight.selectFirst("main aside.call-to-action h2").text(),
        "a story of the volunteer spotlight ends with the invitation");
    assertNotNull(spotlight.selectFirst("main aside.call-to-action a[href=/volunteer]"));
    assertNull(other.selectFirst("main aside.call-to-action"));
  }

  @Test
  void aVisitorSignsUpWithTheKeyboardAloneWithoutScript() {
    boolean installed =
        new java.io.File(Browser.CHROMIUM).canExecute()
            && new java.io.File(Browser.CHROMEDRIVER).canExecute();
    if (!installed && Boolean.getBoolean("aasr.browser.required")) {
      throw new IllegalStateException("Chromium is required and not installed");
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(
        installed, "Chromium and chromedriver are not installed");
    org.openqa.selenium.chrome.ChromeDriver browser = Browser.start(false);
    try {
      browser.get(site.uri("/volunteer-sign-up").toString());
      String email = "keys-" + UUID.randomUUID() + "@example.org";
      typeInto(browser, "fullName", "Kay Board");
      typeInto(browser, "email", email);
      tabTo(browser, "place");
      // A select takes typed letters: "Ont" chooses Ontario.
      new org.openqa.selenium.interactions.Actions(browser).sendKeys("Ont").perform();
      tabTo(browser, "interests");
      new org.openqa.selenium.interactions.Actions(browser)
          .sendKeys(org.openqa.selenium.Keys.SPACE)
          .perform();
      typeInto(browser, "skills", "Spreadsheets");
      tabTo(browser, "consent");
      new org.openqa.selenium.interactions.Actions(browser)
          .sendKeys(org.openqa.selenium.Keys.SPACE)
          .perform();
      org.openqa.selenium.WebElement submit = null;
      for (int i = 0; i < 40 && submit == null; i++) {
        new org.openqa.selenium.interactions.Actions(browser)
            .sendKeys(org.openqa.selenium.Keys.TAB)
            .perform();
        org.openqa.selenium.WebElement focused = browser.switchTo().activeElement();
        if ("button".equals(focused.getTagName()) && focused.getText().equals("Sign up")) {
          submit = focused;
        }
      }
      assertNotNull(submit, "the Sign up button is reachable with Tab");
      new org.openqa.selenium.interactions.Actions(browser)
          .sendKeys(org.openqa.selenium.Keys.ENTER)
          .perform();
      new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
          .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("done="));

      assertTrue(browser.getCurrentUrl().endsWith("done=new"), browser.getCurrentUrl());
    } finally {
      browser.quit();
    }
  }

  /** Moves the focus with Tab alone until it reaches the field of this name. */
  private static void tabTo(org.openqa.selenium.chrome.ChromeDriver browser, String name) {
    for (int i = 0; i < 60; i++) {
      new org.openqa.selenium.interactions.Actions(browser)
          .sendKeys(org.openqa.selenium.Keys.TAB)
          .perform();
      if (name.equals(browser.switchTo().activeElement().getAttribute("name"))) {
        return;
      }
    }
    throw new AssertionError(name + " is not reachable with Tab");
  }

  private static void typeInto(
      org.openqa.selenium.chrome.ChromeDriver browser, String name, String text) {
    tabTo(browser, name);
    new org.openqa.selenium.interactions.Actions(browser).sendKeys(text).perform();
  }

  @Test
  void theVolunteerPageSaysWhyInTheOrganisationsOwnWordsAndHidesDraftOpportunities() {
    Document page = site.page("/volunteer");

    assertTrue(
        page.selectFirst("main blockquote")
            .text()
            .startsWith("What does volunteering mean to you? Giving your time"));
    assertNotNull(page.selectFirst("a[href=/stories/volunteers-lead-the-way-to-change]"));
    assertFalse(page.text().contains("Event support"), "the seeded opportunities are drafts");
    assertTrue(page.text().contains("No opportunity is open just now."));
    assertNotNull(page.selectFirst("main a[href=/volunteer-sign-up]"));
  }

  @Test
  void aDraftOrUnknownOpportunityIsNotFound() {
    assertEquals(404, site.get("/volunteer/event-support").statusCode());
    assertEquals(404, site.get("/volunteer/no-such-opportunity").statusCode());
    assertEquals(404, site.get("/volunteer-opportunity").statusCode());
  }

  @Test
  void theFormOffersStatesAndProvincesGroupedByCountryWithoutAnyScript() {
    Document page = site.page("/volunteer-sign-up");

    assertEquals(
        List.of("United States", "Canada"), page.select("select#place optgroup").eachAttr("label"));
    assertEquals(
        "New York", page.selectFirst("optgroup[label=United States] option[value=US-NY]").text());
    assertEquals("Ontario", page.selectFirst("optgroup[label=Canada] option[value=CA-ON]").text());
    assertTrue(page.select("script").isEmpty(), "the form works without JavaScript");
    assertEquals("Email address", page.selectFirst("label[for=email]").text());
    assertNotNull(page.selectFirst("#consent-privacy a[href=/volunteer-privacy]"));
    assertEquals(
        "I agree that the Alliance Against Seclusion & Restraint may contact me about volunteering.",
        page.selectFirst("label[for=consent]").text());
    assertFalse(page.select("#consent").hasAttr("checked"), "consent is never ticked for anyone");
    assertEquals(200, site.get("/volunteer-privacy").statusCode());
  }

  @Test
  void aCompleteSignUpRedirectsToAThankYouWithoutASession() {
    HttpResponse<String> response = post(form(uniqueEmail()));

    assertEquals(303, response.statusCode(), response.body());
    String location = response.headers().firstValue("Location").orElseThrow();
    assertTrue(location.endsWith("/volunteer-sign-up?done=new"), location);
    assertTrue(
        response.headers().allValues("Set-Cookie").isEmpty(),
        "no cookie: " + response.headers().allValues("Set-Cookie"));
    Document thanks = site.page("/volunteer-sign-up?done=new");
    assertEquals("Thank you for signing up", thanks.selectFirst("[role=status] h2").text());
    assertNull(thanks.selectFirst("form#sign-up"));
  }

  @Test
  void theSameAddressAgainInAnyCaseChangesNothingAndThePageDoesNotSayItWasKnown() {
    String email = uniqueEmail();
    String skill = "skill " + UUID.randomUUID();
    HttpResponse<String> first = post(with(form(email), "skills", skill));

    List<String[]> mallory = with(with(form(email), "email", email.toUpperCase()), "skills", skill);
    HttpResponse<String> again = post(with(mallory, "fullName", "Mallory Example"));

    assertEquals(303, again.statusCode(), again.body());
    assertEquals(
        first.headers().firstValue("Location").orElseThrow(),
        again.headers().firstValue("Location").orElseThrow(),
        "the same thanks: the page tells nobody which addresses are signed up");
    Document volunteers = volunteersWithSkill(skill);
    assertEquals(1, volunteers.select(VOLUNTEER_ROWS).size(), "one volunteer per address");
    assertTrue(volunteers.text().contains("Ada Lovelace"), volunteers.text());
    assertFalse(
        volunteers.text().contains("Mallory"), "whoever types an address cannot rewrite it");
  }

  @Test
  void badInputComesBackWithEachMessageNextToItsFieldAndTheInputKept() {
    String script = "<script>alert('x')</script>";
    List<String[]> bad = with(form("not-an-address"), "fullName", script);
    bad = with(bad, "place", "CA-NY");
    bad = with(bad, "consent", null);
    bad = with(bad, "skills", "x".repeat(1001));
    bad = with(bad, "howHeard", "Zoë’s café");

    HttpResponse<String> response = post(bad);

    assertEquals(400, response.statusCode());
    assertFalse(response.body().contains(script), "what was typed is escaped");
    Document page = html(response);
    assertTrue(page.title().startsWith("Error: "));
    assertEquals(
        "Error: Enter an email address such as name@example.org.",
        page.selectFirst("#email-error").text());
    assertEquals("true", page.selectFirst("#email").attr("aria-invalid"));
    assertTrue(page.selectFirst("#email").attr("aria-describedby").contains("email-error"));
    assertEquals(
        "Error: Choose your state or province from the list.",
        page.selectFirst("#place-error").text());
    assertNotNull(page.selectFirst("#consent-error"));
    assertNotNull(page.selectFirst("#skills-error"));
    assertNull(page.selectFirst("#fullName-error"), "markup in a name is text, not an error");
    assertEquals(script, page.selectFirst("#fullName").val(), "the input is kept");
    assertEquals("not-an-address", page.selectFirst("#email").val());
    assertEquals("Zoë’s café", page.selectFirst("#howHeard").val(), "UTF-8 is read as UTF-8");
    assertTrue(page.selectFirst("#interest-ADVOCACY").hasAttr("checked"));
    assertFalse(page.selectFirst("#interest-FUNDRAISING").hasAttr("checked"));
    assertEquals(4, page.select(".error-summary[role=alert] li a").size());
    assertEquals("#place", page.selectFirst(".error-summary a:contains(state)").attr("href"));
  }

  @Test
  void aPostFromAnotherSiteIsRefusedAndStoresNothing() {
    String skill = "skill " + UUID.randomUUID();

    HttpResponse<String> forged =
        post(with(form(uniqueEmail()), "skills", skill), "https://evil.example");

    assertEquals(200, forged.statusCode());
    assertTrue(html(forged).text().contains("This form can only be sent from this site."));
    assertTrue(
        volunteersWithSkill(skill).select(VOLUNTEER_ROWS).isEmpty(),
        "the forged post stored nobody");
  }

  /** The rows of the console's list of volunteers. */
  private static final String VOLUNTEER_ROWS =
      "#volunteers-form\\:volunteers tbody a[href*=volunteer?id=]";

  /** The console's list of the volunteers who gave this skill, as an administrator sees it. */
  private Document volunteersWithSkill(String skill) {
    return administrator()
        .get("/admin/volunteers?skill=" + URLEncoder.encode(skill, StandardCharsets.UTF_8));
  }

  /** The tests' administrator, signed in to the console. */
  private FormClient administrator() {
    FormClient admin = new FormClient(site.uri("/"));
    admin.get("/admin/login");
    admin.submit(
        "login-form",
        "sign-in",
        Map.of("email", AdminConsoleIT.EMAIL, "password", AdminConsoleIT.PASSWORD));
    return admin;
  }

  @Test
  void theAuditLogRecordsASignUpWithoutTheAddress() {
    String email = uniqueEmail();
    post(form(email));

    Document audit = administrator().get("/admin/audit?action=VOLUNTEER_SIGNED_UP");

    assertTrue(audit.text().contains("Signed up (status New)"), audit.text());
    assertTrue(audit.text().contains("visitor"));
    assertFalse(audit.text().contains(email), "no email address in the audit log");
  }

  @Test
  void aMadeUpOrMissingConfirmationTokenGetsAClearPageAndConfirmsNobody() {
    for (String path :
        List.of(
            "/volunteer-confirm?token=" + "A".repeat(43),
            "/volunteer-confirm?token=%3Cscript%3E",
            "/volunteer-confirm")) {
      Document page = site.page(path);
      assertEquals("This link does not work", page.selectFirst("h1").text(), path);
      assertNull(page.selectFirst("form#confirm"), path);
      assertFalse(page.html().contains("<script>"), path);
    }
    HttpRequest forged =
        HttpRequest.newBuilder(site.uri("/volunteer-confirm"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("token=" + "B".repeat(43)))
            .build();
    HttpResponse<String> response = site.send(forged);
    assertEquals(200, response.statusCode());
    assertEquals("This link does not work", html(response).selectFirst("h1").text());
  }
}
