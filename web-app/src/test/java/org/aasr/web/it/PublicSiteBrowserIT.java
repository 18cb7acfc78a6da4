package org.aasr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The public site in a real browser, as disabled visitors meet it: axe-core's WCAG 2.2 A/AA rules
 * on every public page, the keyboard, a 320-pixel-wide screen, and JavaScript turned off.
 */
@ExtendWith(Browser.Installed.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublicSiteBrowserIT {

  private static ChromeDriver browser;

  @ArquillianResource URL base;

  private Site site;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Site.builtWar();
  }

  @BeforeEach
  void openBrowser() {
    site = new Site(base);
    if (browser == null) {
      browser = Browser.start(true);
    }
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  private void open(String path) {
    Browser.open(browser, site.uri(path));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/stories",
        "/stories?category=my-aasr-story",
        "/stories?category=news",
        "/stories/meet-christopher-ripke",
        "/mission",
        "/about-seclusion-and-restraint",
        "/five-year-anniversary",
        "/donate",
        "/volunteer",
        "/volunteer-sign-up",
        "/volunteer-privacy",
        "/volunteer-confirm",
        "/no-such-page"
      })
  void everyPublicPageMeetsWcagAAccordingToAxe(String path) {
    open(path);

    Browser.assertMeetsWcag(browser, path);
  }

  @Test
  void theSkipLinkComesFirstAndMovesFocusToTheMainContent() {
    open("/stories");

    new Actions(browser).sendKeys(Keys.TAB).perform();
    WebElement skip = browser.switchTo().activeElement();
    if ("body".equals(skip.getTagName())) {
      // A key pressed while a loaded machine is still giving the new page focus can be lost (as in
      // keyboardFocusIsVisible): focus then stays on the body, and one more Tab is the first.
      new Actions(browser).sendKeys(Keys.TAB).perform();
      skip = browser.switchTo().activeElement();
    }
    assertEquals("Skip to main content", skip.getText());
    assertTrue(skip.isDisplayed(), "the skip link shows when it has focus");

    skip.sendKeys(Keys.ENTER);
    assertEquals("main", browser.switchTo().activeElement().getAttribute("id"));
  }

  @Test
  void keyboardFocusIsVisible() {
    open("/");
    // Tab past the skip link to the first link of the page. A key pressed while a loaded machine
    // is still giving the new page focus can be lost (seen once in CI: focus stayed on the body),
    // so it tabs on, up to five times, until a link has focus.
    WebElement focused = browser.switchTo().activeElement();
    for (int i = 0;
        i < 5 && !("a".equals(focused.getTagName()) && !focused.getText().startsWith("Skip"));
        i++) {
      new Actions(browser).sendKeys(Keys.TAB).perform();
      focused = browser.switchTo().activeElement();
    }

    assertEquals("a", focused.getTagName());
    assertNotEquals("none", focused.getCssValue("outline-style"));
    assertNotEquals("0px", focused.getCssValue("outline-width"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/stories", "/stories/meet-christopher-ripke", "/mission"})
  void pagesReflowAt320CssPixelsWithoutSidewaysScrolling(String path) {
    browser.manage().window().setSize(new Dimension(320, 800));
    open(path);

    long scrollWidth =
        (Long)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth;");
    long viewport =
        (Long)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.clientWidth;");
    assertTrue(scrollWidth <= viewport, path + ": " + scrollWidth + " px wide in " + viewport);
  }

  @Test
  void aReaderWithJavaScriptOffCanGoFromHomeToAStory() {
    ChromeDriver noScript = Browser.start(false);
    try {
      noScript.get(site.uri("/").toString());
      // Each click loads a new page: the heading is read once that page is there (a loaded
      // machine may still show the previous one for a moment), and fails after 10 s otherwise.
      noScript.findElement(By.linkText("More stories")).click();
      Browser.awaitHeading(noScript, "Stories");

      noScript.findElement(By.linkText("My AASR Story")).click();
      Browser.awaitHeading(noScript, "Stories: My AASR Story");

      noScript.findElement(By.linkText("My AASR Story: Jennifer Abbanat")).click();
      Browser.awaitHeading(noScript, "My AASR Story: Jennifer Abbanat");
    } finally {
      noScript.quit();
    }
  }
}
