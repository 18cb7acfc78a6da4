package org.aasr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The donations console in a real browser (Debian's Chromium): axe-core (WCAG 2.2 A and AA) on
 * every new console page, with data in it and with a form's errors showing, and on the public
 * fundraiser and thank-you pages; an offline gift recorded with the keyboard alone.
 */
@ExtendWith(Browser.Installed.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DonationConsoleBrowserIT {

  private static ChromeDriver browser;

  @ArquillianResource URL base;

  private URI root;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Site.builtWar();
  }

  @BeforeEach
  void signIn() {
    root = new Site(base).uri("/");
    if (browser == null) {
      browser = Browser.start(true);
    }
    Browser.signInAsAdministrator(browser, root);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  private void open(String path) {
    Browser.open(browser, root.resolve(path));
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(10));
  }

  /** Records an offline gift with the keyboard only and returns the donation page's address. */
  private String recordGiftWithTheKeyboard(String donor) {
    open("admin/gift");
    // Typing on a focused select chooses the option that starts so, as a keyboard user does.
    WebElement campaign = browser.findElement(By.id("gift-form:campaign"));
    campaign.sendKeys("Five Year");
    assertEquals(
        "five-year-anniversary",
        new Select(campaign).getFirstSelectedOption().getAttribute("value"));
    browser.findElement(By.id("gift-form:amount")).sendKeys("42");
    WebElement method = browser.findElement(By.id("gift-form:method"));
    method.sendKeys("Bank");
    assertEquals(
        "BANK_TRANSFER", new Select(method).getFirstSelectedOption().getAttribute("value"));
    browser.findElement(By.id("gift-form:donor-name")).sendKeys(donor);
    WebElement email = browser.findElement(By.id("gift-form:donor-email"));
    email.sendKeys(donor.toLowerCase().replace(' ', '.') + "@example.org");
    email.sendKeys(Keys.ENTER);
    waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Donation"));
    return browser.getCurrentUrl();
  }

  @Test
  void anOfflineGiftIsRecordedWithTheKeyboardAlone() {
    String donor = "Keyboard " + UUID.randomUUID().toString().substring(0, 6);
    recordGiftWithTheKeyboard(donor);

    assertEquals("Confirmed", browser.findElement(By.id("status")).getText());
    assertTrue(browser.findElement(By.id("donation-details")).getText().contains(donor));
  }

  @Test
  void everyDonationsConsolePageMeetsWcagAccordingToAxe() {
    String donation =
        recordGiftWithTheKeyboard("Axe " + UUID.randomUUID().toString().substring(0, 6));
    browser.get(donation);
    Browser.assertMeetsWcag(browser, "donation");
    for (String page :
        List.of(
            "admin/",
            "admin/donations",
            "admin/donations?status=CONFIRMED&campaign=five-year-anniversary",
            "admin/donations?from=not-a-date",
            "admin/gift",
            "admin/campaigns",
            "admin/campaign",
            "admin/campaign?slug=five-year-anniversary")) {
      open(page);
      Browser.assertMeetsWcag(browser, page);
    }
  }

  @Test
  void formsWithTheirErrorsShowingMeetWcagAccordingToAxe() {
    open("admin/gift");
    browser.findElement(By.id("gift-form:record")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-message")));
    Browser.assertMeetsWcag(browser, "gift form with errors");

    open("admin/campaign");
    browser.findElement(By.id("campaign-form:save")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-message")));
    Browser.assertMeetsWcag(browser, "fundraiser form with errors");
  }

  @Test
  void thePublicFundraiserAndThankYouPagesMeetWcagAccordingToAxe() {
    open("fundraisers/five-year-anniversary");
    Browser.assertMeetsWcag(browser, "fundraiser page");
    open("donate");
    browser.findElement(By.id("amount")).click();
    browser.findElement(By.id("name")).sendKeys("Axe Donor");
    browser.findElement(By.id("email")).sendKeys("axe-" + UUID.randomUUID() + "@example.org");
    browser.findElement(By.cssSelector("#donate-form button[type=submit]")).click();
    waiting().until(ExpectedConditions.urlContains("/thank-you"));
    Browser.assertMeetsWcag(browser, "thank-you page");
  }

  @Test
  void theMonthlyDonorsPagesMeetWcagAccordingToAxe() throws Exception {
    // The link comes by email: this needs the console execution's SMTP port.
    Assumptions.assumeTrue(System.getenv("AASR_SMTP_PORT") != null, "needs AASR_SMTP_PORT");
    String donor = "axe-monthly-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    try (TestSmtp smtp = TestSmtp.start()) {
      open("donate");
      browser.findElement(By.id("amount")).click();
      browser.findElement(By.id("frequency-monthly")).click();
      browser.findElement(By.id("name")).sendKeys("Axe Monthly");
      browser.findElement(By.id("email")).sendKeys(donor);
      browser.findElement(By.cssSelector("#donate-form button[type=submit]")).click();
      waiting().until(ExpectedConditions.urlContains("/thank-you"));
      List<jakarta.mail.internet.MimeMessage> mails =
          smtp.await(
              m -> {
                try {
                  return m.getAllRecipients()[0].toString().equals(donor);
                } catch (Exception e) {
                  return false;
                }
              },
              30_000);
      assertEquals(1, mails.size(), "the pledge's email");
      java.util.regex.Matcher link =
          java.util.regex.Pattern.compile("/donate/monthly/([A-Za-z0-9_-]{43})")
              .matcher(((String) mails.get(0).getContent()));
      assertTrue(link.find(), "a monthly pledge's email carries the link");

      open("donate/monthly/" + link.group(1));
      assertEquals("Your monthly gift", browser.findElement(By.tagName("h1")).getText());
      Browser.assertMeetsWcag(browser, "monthly gift page");
      browser.findElement(By.cssSelector("#stop-monthly button[type=submit]")).click();
      waiting().until(ExpectedConditions.urlContains("/monthly-gift-cancelled"));
      Browser.assertMeetsWcag(browser, "monthly gift stopped");
      open("donate/monthly/" + link.group(1));
      assertEquals("This link does not work", browser.findElement(By.tagName("h1")).getText());
      Browser.assertMeetsWcag(browser, "used monthly link");
    }
  }
}
