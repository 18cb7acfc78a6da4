package org.aasr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by Debian's chromedriver: nothing is downloaded, and Selenium
 * Manager is never asked for anything because both paths are given.
 *
 * <p>Where they are not installed the browser tests are skipped with the reason, unless the system
 * property {@code aasr.browser.required} is true (as CI sets it), where they fail.
 */
final class Browser {

  static final String CHROMIUM = System.getProperty("aasr.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER =
      System.getProperty("aasr.chromedriver", "/usr/bin/chromedriver");

  private Browser() {}

  /**
   * Skips a browser test class (or, where required, fails it) when no browser is installed, before
   * any other extension runs: registered ahead of Arquillian's, it keeps Arquillian from starting a
   * Payara Micro for tests that would all be skipped.
   */
  static final class Installed implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
      String reason =
          "Chromium and chromedriver are not installed at "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (apt-get install chromium chromium-driver)";
      if (installed) {
        return ConditionEvaluationResult.enabled("Chromium is installed");
      }
      if (Boolean.getBoolean("aasr.browser.required")) {
        throw new IllegalStateException(reason + ", and aasr.browser.required is true");
      }
      return ConditionEvaluationResult.disabled(reason);
    }
  }

  /**
   * Runs axe-core's WCAG 2.0, 2.1 and 2.2 level A and AA rules on the page the browser shows and
   * fails with every violation, or when axe ran too few rules to mean anything.
   */
  static void assertMeetsWcag(ChromeDriver browser, String page) {
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"))
            .analyze(browser);
    assertTrue(results.getPasses().size() > 5, "axe ran its rules on " + page);
    assertEquals(
        "",
        results.getViolations().stream()
            .map(
                rule ->
                    rule.getId()
                        + " ("
                        + rule.getImpact()
                        + "): "
                        + rule.getHelp()
                        + " at "
                        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
            .collect(Collectors.joining("\n")),
        "WCAG A/AA violations on " + page);
  }

  /**
   * Waits up to 10 s until the page's {@code h1} reads {@code heading}, for a page that a click or
   * a key loads; fails with the heading last seen.
   */
  static void awaitHeading(ChromeDriver browser, String heading) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(ExpectedConditions.textToBe(By.tagName("h1"), heading));
    } catch (TimeoutException e) {
      List<WebElement> seen = browser.findElements(By.tagName("h1"));
      assertEquals(heading, seen.isEmpty() ? "(no h1)" : seen.get(0).getText(), "the page's h1");
    }
  }

  /**
   * Opens {@code uri} and waits up to 10 s until the browser shows that very address, fully loaded;
   * fails with the address and heading it shows instead (a redirect to the sign-in form, say).
   * chromedriver's own wait was seen to return while a loaded machine still showed the page before,
   * and the next step then looked for its elements on that page.
   */
  static void open(ChromeDriver browser, URI uri) {
    browser.get(uri.toString());
    String wanted = uri.toString();
    try {
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(
              shown ->
                  wanted.equals(browser.executeScript("return location.href.split('#')[0]"))
                      && isLoaded(browser));
    } catch (TimeoutException e) {
      List<WebElement> h1 = browser.findElements(By.tagName("h1"));
      fail(
          "opened "
              + wanted
              + " but the browser shows "
              + browser.getCurrentUrl()
              + " (h1: "
              + (h1.isEmpty() ? "none" : h1.get(0).getText())
              + ")");
    }
  }

  /**
   * Signs the administrator of the test database in from a fresh session and waits for the
   * dashboard, fully loaded.
   */
  static void signInAsAdministrator(ChromeDriver browser, URI root) {
    browser.manage().deleteAllCookies();
    open(browser, root.resolve("admin/login"));
    browser.findElement(By.id("login-form:email")).sendKeys(AdminConsoleIT.EMAIL);
    browser.findElement(By.id("login-form:password")).sendKeys(AdminConsoleIT.PASSWORD);
    browser.findElement(By.id("login-form:sign-in")).click();
    awaitHeading(browser, "Dashboard");
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(shown -> isLoaded(browser));
  }

  /** Whether the page the browser shows has finished loading. */
  private static boolean isLoaded(ChromeDriver browser) {
    return "complete".equals(browser.executeScript("return document.readyState"));
  }

  /** A new headless browser with a fresh profile; JavaScript on or off. */
  static ChromeDriver start(boolean javaScript) {
    Path profile;
    try {
      profile = Files.createTempDirectory("aasr-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(profile)));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    if (!javaScript) {
      options.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /** Deletes the browser's profile folder once the tests are over; a leftover is no failure. */
  private static void deleteQuietly(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // The system's temporary folder is cleaned up in time anyway.
    }
  }
}
