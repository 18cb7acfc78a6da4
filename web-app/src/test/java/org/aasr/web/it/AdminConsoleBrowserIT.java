package org.aasr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's Chromium), as staff use it: axe-core on every console
 * page, the rich-text editor driven with the keyboard and its toolbar, and sorting a table.
 */
@ExtendWith(Browser.Installed.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConsoleBrowserIT {

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

  @Test
  void theSignInPageMeetsWcagAccordingToAxe() {
    browser.manage().deleteAllCookies();
    open("admin/login");

    Browser.assertMeetsWcag(browser, "sign-in page");
  }

  @Test
  void everyConsolePageMeetsWcagAccordingToAxe() {
    for (String page :
        List.of(
            "admin/",
            "admin/stories",
            "admin/story",
            "admin/story?id=1",
            "admin/pages",
            "admin/page?slug=mission",
            "admin/categories",
            "admin/category?slug=news",
            "admin/users",
            "admin/audit",
            "admin/outbox",
            "admin/password")) {
      open(page);
      Browser.assertMeetsWcag(browser, page);
    }
  }

  @Test
  void consolePagesReflowAt320CssPixelsWithoutSidewaysScrolling() {
    browser.manage().window().setSize(new Dimension(320, 800));
    try {
      for (String page :
          List.of(
              "admin/",
              "admin/stories",
              "admin/story?id=1",
              "admin/pages",
              "admin/page?slug=mission",
              "admin/categories",
              "admin/users",
              "admin/audit",
              "admin/outbox")) {
        open(page);
        long scrollWidth =
            (Long) browser.executeScript("return document.documentElement.scrollWidth;");
        long viewport =
            (Long) browser.executeScript("return document.documentElement.clientWidth;");
        assertTrue(
            scrollWidth <= viewport,
            page
                + ": "
                + scrollWidth
                + " px wide in "
                + viewport
                + ", too wide: "
                + browser.executeScript(
                    "return Array.from(document.querySelectorAll('body *')).filter(e =>"
                        + " e.getBoundingClientRect().right > document.documentElement.clientWidth"
                        + " + 1).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' +"
                        + " e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
                        + ".join(' | ')"));
      }
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 900));
    }
  }

  @Test
  void aStoryWrittenWithTheEditorReachesVisitorsWithItsFormatting() {
    String title = "Written in the editor " + UUID.randomUUID().toString().substring(0, 8);
    open("admin/story");
    browser.findElement(By.id("story-form:title")).sendKeys(title);
    browser.findElement(By.id("story-form:author")).sendKeys("Browser Test");
    browser.executeScript("PrimeFaces.getWidgetById('story-form:category').selectValue('news')");
    browser.findElement(By.id("story-form:excerpt")).sendKeys("Written with the toolbar.");

    WebElement text = browser.findElement(By.cssSelector("#story-form\\:body .ql-editor"));
    assertEquals("textbox", text.getAttribute("role"));
    assertTrue(
        browser
            .findElement(By.id(text.getAttribute("aria-labelledby")))
            .getText()
            .startsWith("Story"),
        "the editing area is named by its label");
    text.click();
    text.sendKeys("Why it matters");
    browser.findElement(By.cssSelector("#story-form\\:body button[aria-label=Heading]")).click();
    text.sendKeys(Keys.END, Keys.ENTER, "Some ");
    text.sendKeys(Keys.chord(Keys.CONTROL, "b"), "bold", Keys.chord(Keys.CONTROL, "b"));
    text.sendKeys(" words.", Keys.ENTER);
    browser
        .findElement(By.cssSelector("#story-form\\:body button[aria-label='Bulleted list']"))
        .click();
    text.sendKeys("first", Keys.ENTER, "second");

    text.sendKeys(Keys.TAB);
    assertFalse(
        (Boolean) browser.executeScript("return !!document.activeElement.closest('.ql-editor')"),
        "Tab leaves the editor");
    assertFalse(text.getText().contains("\t"), "Tab typed nothing");

    browser.findElement(By.cssSelector("#story-form\\:published .ui-chkbox-box")).click();
    browser.findElement(By.id("story-form:save")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "saved"));
    String slug = browser.findElement(By.id("story-form:slug")).getAttribute("value");
    String storyForm = browser.getCurrentUrl();

    try {
      open("stories/" + slug);
      WebElement prose = browser.findElement(By.cssSelector(".prose"));
      assertEquals("Why it matters", prose.findElement(By.tagName("h2")).getText());
      assertEquals("bold", prose.findElement(By.tagName("strong")).getText());
      assertEquals(
          List.of("first", "second"),
          prose.findElements(By.cssSelector("ul > li")).stream().map(WebElement::getText).toList(),
          "a bulleted list reaches visitors as one");
    } finally {
      browser.get(storyForm);
      browser.findElement(By.id("story-form:delete")).click();
      waiting()
          .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")))
          .click();
      waiting().until(ExpectedConditions.urlContains("/admin/stories"));
    }
  }

  @Test
  void anAdministratorChangesSomeonesRolesInTheBrowser() {
    String email = "roles-" + UUID.randomUUID() + "@aasr.test";
    open("admin/users");
    browser.findElement(By.id("invite-form:email")).sendKeys(email);
    browser.findElement(By.id("invite-form:display-name")).sendKeys("Roles Test");
    browser
        .findElement(By.xpath("//*[@id='invite-form:new-roles']//label[text()='Editor']"))
        .click();
    browser.findElement(By.id("invite-form:invite")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), email));

    row(email).findElement(By.xpath(".//label[text()='Editor']")).click();
    row(email).findElement(By.xpath(".//label[text()='Fundraising']")).click();
    row(email).findElement(By.cssSelector("button[id$=save-roles]")).click();

    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "Roles of " + email + " saved."));
    List<String> ticked =
        row(email).findElements(By.cssSelector("input[type=checkbox]")).stream()
            .filter(WebElement::isSelected)
            .map(box -> box.getAttribute("value"))
            .toList();
    assertEquals(List.of("FUNDRAISING"), ticked);
  }

  /** The staff accounts table's row of an account. */
  private WebElement row(String email) {
    return browser.findElements(By.cssSelector("#accounts-form\\:accounts tbody tr")).stream()
        .filter(tr -> tr.getText().contains(email))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + email));
  }

  @Test
  void theStoryListSortsByTitleFromTheKeyboard() {
    open("admin/stories");

    List<String> ascending = sortBy("Title", "ascending", "#stories-form\\:stories");
    List<String> descending = sortBy("Title", "descending", "#stories-form\\:stories");

    assertTrue(ascending.size() >= 4, ascending.toString());
    assertEquals(ascending.stream().sorted(BY_TEXT).toList(), ascending);
    assertEquals(ascending.stream().sorted(BY_TEXT.reversed()).toList(), descending);
    assertNotEquals(ascending, descending);
  }

  @Test
  void theShortListsSortToo() {
    open("admin/categories");
    sortBy("Name", "ascending", "#categories-form\\:categories");
    List<String> names = sortBy("Name", "descending", "#categories-form\\:categories");
    assertTrue(names.size() >= 3, names.toString());
    assertEquals(names.stream().sorted(BY_TEXT.reversed()).toList(), names);

    open("admin/pages");
    List<String> titles = sortBy("Title", "ascending", "#pages-form\\:pages");
    assertTrue(titles.size() >= 3, titles.toString());
    assertEquals(titles.stream().sorted(BY_TEXT).toList(), titles);
  }

  private static final Comparator<String> BY_TEXT =
      Comparator.comparing(t -> t.toLowerCase(Locale.ROOT));

  /**
   * Presses Enter on a sortable column header until the table says it is sorted that way, and
   * returns the texts of the first column.
   */
  private List<String> sortBy(String header, String direction, String table) {
    By th = By.xpath("//th[.//span[normalize-space()='" + header + "']]");
    // The list may still be loading on a busy machine (seen once in CI): wait for its header.
    waiting().until(ExpectedConditions.presenceOfElementLocated(th)).sendKeys(Keys.ENTER);
    waiting().until(ExpectedConditions.attributeToBe(th, "aria-sort", direction));
    return browser.findElements(By.cssSelector(table + " tbody tr td:first-child")).stream()
        .map(WebElement::getText)
        .toList();
  }
}
