package org.aasr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public site as a visitor reaches it: the built WAR on a real Payara Micro, over HTTP, with
 * the content seeded on its first start.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublicSiteIT {

  private static final List<String> SEED_STORY_TITLES =
      List.of(
          "Volunteers Lead the Way to Change",
          "Meet Disability Advocate and AASR Volunteer Christopher Ripke",
          "My AASR Story: Jennifer Abbanat",
          "My AASR Story: Chantelle Hyde");

  private static final List<String> PUBLIC_PAGES =
      List.of(
          "/",
          "/stories",
          "/stories?category=my-aasr-story",
          "/stories/my-aasr-story-jennifer-abbanat",
          "/mission",
          "/about-seclusion-and-restraint",
          "/donate",
          "/volunteer",
          "/volunteer-sign-up",
          "/volunteer-privacy");

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

  private static List<String> texts(Document page, String css) {
    return page.select(css).eachText();
  }

  @Test
  void homeShowsTheOrganisationsContentInTheOrderOfItsHomePage() {
    Document home = site.page("/");

    assertEquals(
        List.of(
            "Five Year Anniversary",
            "Our Mission",
            "About seclusion and restraint",
            "Volunteer with us",
            "Latest stories"),
        texts(home, "main h2"));
    assertTrue(home.text().contains("Please consider donating to our anniversary fundraiser"));
    assertTrue(home.text().contains("end the school-to-prison pipeline"));
    assertTrue(home.text().contains("Restraint and seclusion are crisis management strategies"));
    assertEquals(SEED_STORY_TITLES, texts(home, "main .story-title"));
  }

  @Test
  void homeLinksToDonateMissionExplainerAndMoreStories() {
    Document home = site.page("/");

    assertEquals("/donate", home.selectFirst("main a.button").attr("href"));
    assertEquals("/mission", home.selectFirst("main a:contains(Learn more)").attr("href"));
    assertEquals(
        "/about-seclusion-and-restraint",
        home.selectFirst("main a:contains(Read more)").attr("href"));
    assertEquals("/stories", home.selectFirst("main a:contains(More stories)").attr("href"));
  }

  @Test
  void everyPublicPageLinksToEachOtherFromTheSameNavigation() {
    for (String path : PUBLIC_PAGES) {
      Document page = site.page(path);
      assertEquals(
          List.of(
              "/",
              "/mission",
              "/about-seclusion-and-restraint",
              "/stories",
              "/volunteer",
              "/donate"),
          page.select("header nav[aria-label=Main] a").eachAttr("href"),
          path);
    }
  }

  @Test
  void everyPublicPageHasOneH1AndTheLandmarks() {
    for (String path : PUBLIC_PAGES) {
      Document page = site.page(path);
      assertEquals(1, page.select("h1").size(), path);
      assertEquals("en", page.selectFirst("html").attr("lang"), path);
      assertEquals(1, page.select("header").size(), path);
      assertEquals(1, page.select("main#main").size(), path);
      assertEquals(1, page.select("footer").size(), path);
      assertEquals("#main", page.selectFirst("body > a").attr("href"), path + ": skip link first");
    }
  }

  @Test
  void storyPageShowsTitleAuthorDateCategoryAndText() {
    Document story = site.page("/stories/my-aasr-story-chantelle-hyde");

    assertEquals("My AASR Story: Chantelle Hyde", story.selectFirst("h1").text());
    String meta = story.selectFirst(".story-meta").text();
    assertTrue(meta.contains("By Chantelle Hyde"), meta);
    assertTrue(meta.contains("November 28, 2026"), meta);
    assertEquals("2026-11-28", story.selectFirst(".story-meta time").attr("datetime"));
    assertEquals(
        "/stories?category=my-aasr-story", story.selectFirst(".story-meta a").attr("href"));
    assertTrue(
        story.selectFirst(".prose").text().startsWith("When I think back to about five years"));
  }

  @Test
  void anExcerptOnlyStorySaysItsFullTextIsComing() {
    Document story = site.page("/stories/volunteers-lead-the-way-to-change");

    assertTrue(story.selectFirst(".notice").text().contains("full text is being added"));
  }

  @Test
  void storiesIndexListsNewestFirst() {
    assertEquals(SEED_STORY_TITLES, texts(site.page("/stories"), "main .story-title"));
  }

  @Test
  void storiesIndexFiltersByCategory() {
    Document page = site.page("/stories?category=volunteer-spotlight");

    assertEquals("Stories: Volunteer spotlight", page.selectFirst("h1").text());
    assertEquals(SEED_STORY_TITLES.subList(0, 2), texts(page, "main .story-title"));
    assertEquals(
        "page",
        page.selectFirst("nav.category-filter a[href=/stories?category=volunteer-spotlight]")
            .attr("aria-current"));
  }

  @Test
  void anEmptyCategorySaysSo() {
    Document page = site.page("/stories?category=news");

    assertTrue(page.selectFirst("main").text().contains("There are no stories here yet."));
  }

  @Test
  void missionPageShowsTheMission() {
    Document page = site.page("/mission");

    assertEquals("Our Mission", page.selectFirst("h1").text());
    assertTrue(
        page.selectFirst(".prose").text().contains("reduce and eliminate the use of punitive"));
    assertEquals("page", page.selectFirst("header a[href=/mission]").attr("aria-current"));
  }

  @Test
  void explainerPageShowsBothParagraphs() {
    Document page = site.page("/about-seclusion-and-restraint");

    assertEquals(2, page.select(".prose p").size());
    assertTrue(page.text().contains("According to federal guidance"));
  }

  @Test
  void donatePageSaysOnlineGivingIsComingAndChargesNothing() {
    Document page = site.page("/donate");

    assertTrue(page.selectFirst(".notice").text().contains("no payment can be made here"));
    assertTrue(page.select("form").isEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/stories/no-such-story",
        "/no-such-page",
        "/stories?category=no-such-category",
        "/stories?page=2",
        "/stories?page=zero",
        "/stories/Not_A_Slug",
        "/index"
      })
  void anUnknownAddressGetsTheFriendly404(String path) {
    Document page = site.page(path, 404);

    assertEquals("We could not find that page", page.selectFirst("h1").text());
    assertFalse(page.select("a[href=/stories]").isEmpty(), "offers a way on");
    assertFalse(page.html().contains("Exception"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/stories/no-such-story", "/no-such-page"})
  void aMissingPagesStatusLineIsTheStandardOne(String path) throws Exception {
    try (var socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket
          .getOutputStream()
          .write(
              ("GET "
                      + site.uri(path).getRawPath()
                      + " HTTP/1.1\r\nHost: localhost\r\n"
                      + "Connection: close\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String statusLine =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(
                      socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
              .readLine();
      assertEquals("HTTP/1.1 404 Not Found", statusLine, "no view message in the status line");
    }
  }

  @Test
  void aStaleOrForgedPostIsRefusedPlainly() {
    HttpResponse<String> response =
        site.send(
            HttpRequest.newBuilder(site.uri("/stories"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("jakarta.faces.ViewState=forged&x=1"))
                .build());

    assertEquals(400, response.statusCode(), response.body());
    assertEquals("This page had expired", Jsoup.parse(response.body()).selectFirst("h1").text());
    assertFalse(response.body().contains("Exception"));
    assertFalse(response.body().contains("at org."));
  }

  @Test
  void pagesHaveTitleDescriptionCanonicalAndOpenGraphTags() {
    Document story = site.page("/stories/my-aasr-story-jennifer-abbanat");

    assertEquals(
        "My AASR Story: Jennifer Abbanat | Alliance Against Seclusion & Restraint", story.title());
    assertTrue(
        story.selectFirst("meta[name=description]").attr("content").startsWith("As many know"));
    String url = story.selectFirst("link[rel=canonical]").attr("href");
    assertTrue(url.matches("https?://[^/]+/stories/my-aasr-story-jennifer-abbanat"), url);
    assertEquals(url, story.selectFirst("meta[property=og:url]").attr("content"));
    assertEquals("article", story.selectFirst("meta[property=og:type]").attr("content"));
    assertEquals(
        "My AASR Story: Jennifer Abbanat",
        story.selectFirst("meta[property=og:title]").attr("content"));
  }

  @Test
  void readingTheSiteCreatesNoSession() {
    for (String path : PUBLIC_PAGES) {
      HttpResponse<String> response = site.get(path);
      assertEquals(200, response.statusCode(), path);
      assertTrue(response.headers().allValues("Set-Cookie").isEmpty(), path + " set a cookie");
      assertFalse(response.body().contains("jakarta.faces.ViewState"), path + " keeps view state");
    }
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String path : List.of("/", "/stories/no-such-story", "/feed.xml", "/robots.txt")) {
      var headers = site.get(path).headers();
      String csp = headers.firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("default-src 'self'"), path);
      assertTrue(csp.contains("frame-ancestors 'none'"), path);
      assertFalse(csp.contains("unsafe-inline"), path);
      assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""), path);
      assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(""), path);
      assertEquals(
          "strict-origin-when-cross-origin",
          headers.firstValue("Referrer-Policy").orElse(""),
          path);
    }
  }

  @Test
  void responsesDoNotNameTheServer() {
    var headers = site.get("/").headers();

    assertTrue(headers.firstValue("Server").isEmpty(), headers.toString());
    assertTrue(headers.firstValue("X-Powered-By").isEmpty(), headers.toString());
  }

  @Test
  void publicPagesMayBeCachedBriefly() {
    assertEquals(
        "public, max-age=300",
        site.get("/stories").headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  void theStylesheetIsVersionedAndCachedForAYear() {
    String href = site.page("/").selectFirst("link[rel=stylesheet]").attr("href");
    assertTrue(href.contains("v="), href);

    HttpResponse<String> css = site.get(href);

    assertEquals(200, css.statusCode());
    assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
    assertTrue(css.body().contains(".skip-link"));
    assertTrue(
        css.headers().firstValue("Cache-Control").orElse("").contains("max-age=31536000"),
        css.headers().toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/WEB-INF/web.xml",
        "/WEB-INF/",
        "/resources/",
        "/resources/aasr/",
        "/resources/aasr/site.css",
        "/META-INF/MANIFEST.MF"
      })
  void sourcesAndFoldersAreNotServed(String path) {
    HttpResponse<String> response = site.get(path);

    assertTrue(response.statusCode() == 404 || response.statusCode() == 403, path);
    assertFalse(response.body().contains("<web-app"));
    assertFalse(response.body().contains(".skip-link"));
  }

  @Test
  void robotsTxtKeepsCrawlersOutOfTheConsoleAndPointsToTheSitemap() {
    String robots = site.get("/robots.txt").body();

    assertTrue(robots.contains("Disallow: /admin"));
    assertTrue(robots.matches("(?s).*Sitemap: https?://\\S+/sitemap\\.xml.*"), robots);
  }

  @Test
  void sitemapListsEveryPublishedPageAndStory() {
    HttpResponse<String> response = site.get("/sitemap.xml");
    Document sitemap = Jsoup.parse(response.body(), "", Parser.xmlParser());
    List<String> locations =
        sitemap.select("url > loc").eachText().stream()
            .map(loc -> loc.replaceFirst("^https?://[^/]+", ""))
            .toList();

    assertTrue(response.headers().firstValue("Content-Type").orElse("").contains("xml"));
    assertTrue(
        locations.containsAll(
            List.of(
                "/",
                "/stories",
                "/mission",
                "/about-seclusion-and-restraint",
                "/stories/volunteers-lead-the-way-to-change",
                "/stories/meet-christopher-ripke",
                "/stories/my-aasr-story-jennifer-abbanat",
                "/stories/my-aasr-story-chantelle-hyde")),
        locations.toString());
  }

  @Test
  void theFeedIsAtomWithTheLatestStoriesNewestFirst() {
    HttpResponse<String> response = site.get("/feed.xml");
    Document feed = Jsoup.parse(response.body(), "", Parser.xmlParser());

    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/atom+xml"));
    assertEquals("http://www.w3.org/2005/Atom", feed.selectFirst("feed").attr("xmlns"));
    assertEquals(SEED_STORY_TITLES, feed.select("entry > title").eachText());
    Element first = feed.selectFirst("entry");
    assertTrue(
        first
            .selectFirst("link")
            .attr("href")
            .endsWith("/stories/volunteers-lead-the-way-to-change"));
    assertTrue(
        first.selectFirst("summary").text().startsWith("What does volunteering mean to you?"));
  }

  @Test
  void everyPageAdvertisesTheFeed() {
    assertEquals(
        "/feed.xml",
        site.page("/mission").selectFirst("link[type=application/atom+xml]").attr("href"));
  }
}
