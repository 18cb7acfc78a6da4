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

  /** The public pages' one Content-Security-Policy, as the site sends it. */
  private static final String PUBLIC_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self' https://checkout.stripe.com; frame-ancestors 'none'";

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
  void donatePageOffersTheAnniversaryFundraisersFormWithoutScript() {
    Document page = site.page("/donate");

    assertEquals("Donate to Five Year Anniversary", page.selectFirst("h1").text());
    assertEquals("post", page.selectFirst("form#donate-form").attr("method"));
    assertTrue(page.select("script").isEmpty());
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
  void oneKeptAliveConnectionCarriesManyReads() throws Exception {
    // Payara closes a kept-alive connection after 250 requests by default, so that busy readers
    // (and proxies) reconnect four times as often as to nginx, which allows 1,000.
    String request =
        "GET " + site.uri("/mission").getRawPath() + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    try (var socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      var in =
          new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
      for (int i = 1; i <= 600; i++) {
        socket
            .getOutputStream()
            .write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String status = asciiLine(in);
        assertEquals("HTTP/1.1 200 OK", status, "answer " + i);
        int length = -1;
        for (String line = asciiLine(in); !line.isEmpty(); line = asciiLine(in)) {
          String lower = line.toLowerCase(java.util.Locale.ROOT);
          if (lower.startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          }
          assertFalse(lower.startsWith("connection: close"), "closed after answer " + i);
        }
        assertTrue(length > 0, "answer " + i + " says its length");
        in.readFully(new byte[length]);
      }
    }
  }

  private static String asciiLine(java.io.DataInputStream in) throws java.io.IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new java.io.EOFException("connection closed after: " + line);
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
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

  @ParameterizedTest
  @ValueSource(strings = {"/stories/no-such-story", "/no-such-page", "/stories?page=99"})
  void errorAnswersAreNeverCachedPublicly(String path) {
    HttpResponse<String> response = site.get(path);

    assertEquals(404, response.statusCode(), path);
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""), path);
  }

  @Test
  void everyPublicAnswerCarriesExactlyOnePolicy() {
    List<String> paths = new java.util.ArrayList<>(PUBLIC_PAGES);
    paths.addAll(List.of("/no-such-page", "/feed.xml", "/favicon.ico"));
    for (String path : paths) {
      List<String> policies = site.get(path).headers().allValues("Content-Security-Policy");
      assertEquals(List.of(PUBLIC_POLICY), policies, path);
    }
  }

  @Test
  void everyPageLinksTheFaviconThatTheSiteServes() {
    for (String path : List.of("/", "/stories", "/no-such-page")) {
      Document page = Jsoup.parse(site.get(path).body());
      assertEquals(
          List.of("/favicon.ico", "/favicon.svg"), page.select("link[rel=icon]").eachAttr("href"));
    }
    HttpResponse<String> ico = site.get("/favicon.ico");
    assertEquals(200, ico.statusCode());
    assertTrue(ico.headers().firstValue("Content-Type").orElse("").startsWith("image/"));
    HttpResponse<String> svg = site.get("/favicon.svg");
    assertEquals(200, svg.statusCode());
    assertTrue(svg.body().contains(">AASR</text>"), "the organisation's initials");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/openapi",
        "/openapi/",
        "/openapi/application.wadl",
        "/openapi/application.wadl?detail=true",
        "/application.wadl",
        "/health",
        "/metrics"
      })
  void whatTheContainerWouldServeBesideTheSiteIsSwitchedOff(String path) {
    HttpResponse<String> response = site.get(path);

    assertEquals(404, response.statusCode(), path);
    assertEquals(
        "We could not find that page", Jsoup.parse(response.body()).selectFirst("h1").text());
    assertFalse(response.body().contains("openapi:"), path);
    assertFalse(response.body().toLowerCase().contains("jersey"), path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/stories", "/stories.xhtml", "/index.xhtml", "/mission"})
  void aLargeAnonymousUploadIsRefusedWithTheSitesPage(String path) {
    byte[] body = multipart(21 * 1024 * 1024);
    Site.Raw answer =
        site.raw("POST", path, body, "Content-Type: multipart/form-data; boundary=" + BOUNDARY);

    assertEquals(413, answer.status(), path);
    assertTrue(answer.body().contains("That upload is too large"), path);
    assertFalse(answer.body().contains("Exception"), path);
    assertEquals("no-store", answer.first("Cache-Control"), path);
    assertEquals(List.of(PUBLIC_POLICY), answer.all("Content-Security-Policy"), path);
    assertEquals("nosniff", answer.first("X-Content-Type-Options"), path);
  }

  @Test
  void anUploadThatHidesItsSizeIsRefused() {
    Site.Raw answer =
        site.raw(
            "POST",
            "/stories.xhtml",
            "0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            "Content-Type: multipart/form-data; boundary=" + BOUNDARY,
            "Transfer-Encoding: chunked");

    assertEquals(411, answer.status());
    assertTrue(answer.body().contains("That request could not be understood"));
  }

  @Test
  void aSmallAnonymousUploadToAPublicPageIsHarmless() {
    Site.Raw answer =
        site.raw(
            "POST",
            "/stories.xhtml",
            multipart(1024),
            "Content-Type: multipart/form-data; boundary=" + BOUNDARY);

    assertTrue(answer.status() == 200 || answer.status() == 400, "status " + answer.status());
  }

  private static final String BOUNDARY = "----aasr-test-boundary";

  private static byte[] multipart(int fileBytes) {
    var out = new java.io.ByteArrayOutputStream();
    out.writeBytes(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    out.writeBytes(new byte[fileBytes]);
    out.writeBytes(
        ("\r\n--" + BOUNDARY + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  @Test
  void hstsIsSentWhenATrustedProxySaysTheSiteIsServedOverHttps() throws Exception {
    // The tests' server trusts 127.0.0.1 and ::1 (AASR_TRUSTED_PROXIES, set by the build).
    Site local = new Site(new URL("http", "127.0.0.1", base.getPort(), "/"));
    String hsts = "max-age=31536000; includeSubDomains";

    assertEquals(
        hsts, local.raw("GET", "/", "X-Forwarded-Proto: https").first("Strict-Transport-Security"));
    // The proxy writes X-Forwarded-For: a Forwarded line is a client's own, passed on, not
    // believed.
    assertEquals(
        "",
        local
            .raw("GET", "/", "Forwarded: for=198.51.100.7;proto=https")
            .first("Strict-Transport-Security"));
    assertEquals("", local.raw("GET", "/").first("Strict-Transport-Security"));
    assertEquals(
        "", local.raw("GET", "/", "X-Forwarded-Proto: http").first("Strict-Transport-Security"));
  }

  @Test
  void aNetworkMaySendThePublicFormsThatStoreOrEmailTwentyTimesAnHour() throws Exception {
    // The tests' server trusts 127.0.0.1 (AASR_TRUSTED_PROXIES, set by the build), so each
    // X-Forwarded-For address below is a network of its own, untouched by the other tests.
    Site local = new Site(new URL("http", "127.0.0.1", base.getPort(), "/"));
    String from = "X-Forwarded-For: 203.0.113.41";
    // A form sent back with a field to correct takes no slot.
    for (int i = 1; i <= 3; i++) {
      assertEquals(400, signUp(local, from, "limit-0", false).status(), "consent not given " + i);
    }
    for (int i = 1; i <= 20; i++) {
      assertEquals(303, signUp(local, from, "limit-" + i, true).status(), "sign-up " + i);
    }
    Site.Raw refusedSignUp = signUp(local, from, "limit-21", true);
    assertEquals(429, refusedSignUp.status());
    assertEquals("3600", refusedSignUp.first("Retry-After"));
    Document page = Jsoup.parse(refusedSignUp.body());
    assertTrue(
        page.selectFirst("[role=alert]").text().contains("many times in the last hour"),
        page.selectFirst("[role=alert]").text());
    assertEquals("Ada Limit", page.selectFirst("#fullName").val(), "what was typed is kept");
    assertEquals("limit-21@example.org", page.selectFirst("#email").val());
    // Another network is not held back by this one.
    assertEquals(303, signUp(local, "X-Forwarded-For: 203.0.113.42", "limit-other", true).status());
    // The private-link request counts on its own.
    String linkFrom = "X-Forwarded-For: 203.0.113.43";
    byte[] link =
        "email=someone%40example.org".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int i = 1; i <= 20; i++) {
      assertEquals(303, postForm(local, "/volunteer-link", link, linkFrom).status(), "link " + i);
    }
    Site.Raw refused = postForm(local, "/volunteer-link", link, linkFrom);
    assertEquals(429, refused.status());
    assertTrue(refused.body().contains("many times in the last hour"), refused.body());
  }

  private static Site.Raw signUp(Site site, String from, String who, boolean consent) {
    String body =
        "fullName=Ada+Limit&email="
            + who
            + "%40example.org&place=US-NY&interests=EVENTS&availability=Weekends"
            + (consent ? "&consent=yes" : "");
    return postForm(
        site,
        "/volunteer-sign-up",
        body.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        from);
  }

  private static Site.Raw postForm(Site site, String path, byte[] body, String from) {
    return site.raw("POST", path, body, "Content-Type: application/x-www-form-urlencoded", from);
  }

  @Test
  void theForwardingHeadersOfAnyoneElseAreIgnored() throws Exception {
    java.net.InetAddress outside = nonLoopbackAddress();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        outside != null, "this machine has no address but loopback");
    Site fromOutside =
        new Site(
            new URL(
                "http",
                outside.getHostAddress().contains(":")
                    ? "[" + outside.getHostAddress() + "]"
                    : outside.getHostAddress(),
                base.getPort(),
                "/"));

    Site.Raw answer = fromOutside.raw("GET", "/", "X-Forwarded-Proto: https");

    assertEquals(200, answer.status());
    assertEquals("", answer.first("Strict-Transport-Security"), "an untrusted peer's word");
  }

  private static java.net.InetAddress nonLoopbackAddress() throws Exception {
    for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (var address : java.util.Collections.list(nic.getInetAddresses())) {
          if (address instanceof java.net.Inet4Address) {
            return address;
          }
        }
      }
    }
    return null;
  }

  @Test
  void responsesDoNotNameTheServer() {
    var headers = site.get("/").headers();

    assertTrue(headers.firstValue("Server").isEmpty(), headers.toString());
    assertTrue(headers.firstValue("X-Powered-By").isEmpty(), headers.toString());
  }

  @Test
  void publicPagesMayBeKeptButAreCheckedAgainEachTimeSoThatAnEditShowsAtOnce() {
    assertEquals(
        "public, no-cache", site.get("/stories").headers().firstValue("Cache-Control").orElse(""));
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

  private HttpResponse<String> getWith(String path, String header, String value) {
    return site.send(HttpRequest.newBuilder(site.uri(path)).header(header, value).build());
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  @Test
  void anUnchangedPageAnswersAConditionalRequestWith304AndTheSameSecurityHeaders() {
    HttpResponse<String> first = site.get("/");
    String etag = header(first, "ETag");
    assertTrue(etag.matches("\"[^\"]+\""), "a strong entity tag: " + etag);
    HttpResponse<String> fromCache = site.get("/");

    HttpResponse<String> again = getWith("/", "If-None-Match", etag);

    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    assertEquals(etag, header(again, "ETag"));
    for (String name :
        List.of(
            "Content-Security-Policy",
            "X-Content-Type-Options",
            "X-Frame-Options",
            "Referrer-Policy",
            "Permissions-Policy",
            "Cross-Origin-Opener-Policy")) {
      List<String> fresh = first.headers().allValues(name);
      assertFalse(fresh.isEmpty(), name);
      assertEquals(fresh, fromCache.headers().allValues(name), name + " on a cached answer");
      assertEquals(fresh, again.headers().allValues(name), name + " on a 304");
    }
    assertEquals(200, getWith("/", "If-None-Match", "\"something-else\"").statusCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/stories", "/stories/my-aasr-story-jennifer-abbanat", "/feed.xml"})
  void compressedAndPlainAnswersCarryTheSameBody(String path) throws Exception {
    HttpResponse<String> plain = site.get(path);
    HttpResponse<byte[]> compressed =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(site.uri(path))
                    .header("Accept-Encoding", "gzip, deflate, br")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());

    assertEquals("gzip", header(compressed, "Content-Encoding"));
    assertEquals("", header(plain, "Content-Encoding"));
    assertEquals("Accept-Encoding", header(plain, "Vary"));
    assertEquals("Accept-Encoding", header(compressed, "Vary"));
    assertFalse(header(plain, "ETag").equals(header(compressed, "ETag")), "one tag per encoding");
    try (var unzip =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed.body()))) {
      assertEquals(
          plain.body(), new String(unzip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    assertTrue(compressed.body().length < plain.body().length() / 2, "compressed well");
  }

  @Test
  void headAnswersWithTheHeadersOfGetAndNoBody() {
    HttpResponse<String> get = site.get("/stories");

    HttpResponse<String> head =
        site.send(
            HttpRequest.newBuilder(site.uri("/stories"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());

    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
    assertEquals(header(get, "ETag"), header(head, "ETag"));
    assertEquals(header(get, "Content-Length"), header(head, "Content-Length"));
    assertEquals(header(get, "Content-Type"), header(head, "Content-Type"));
  }

  @Test
  void marketingTagsShareTheCachedPageWhileJunkParametersGoPastTheCache() {
    String home = header(site.get("/"), "ETag");

    HttpResponse<String> tagged = site.get("/?utm_source=newsletter&utm_medium=email");
    HttpResponse<String> junk = site.get("/stories?junk=" + System.nanoTime());

    assertEquals(200, tagged.statusCode());
    assertEquals(home, header(tagged, "ETag"));
    assertEquals(200, junk.statusCode());
    assertEquals("", header(junk, "ETag"), "not answered from, nor kept in, the cache");
    assertEquals(
        SEED_STORY_TITLES,
        Jsoup.parse(junk.body()).select("main .story-title").eachText(),
        "still the page");
  }

  @Test
  void aReaderWithASessionIsNeverAnsweredFromTheCacheNorKeptInIt() {
    site.get("/mission");

    HttpResponse<String> personal = getWith("/mission", "Cookie", "AASR_SESSION=someone");

    assertEquals(200, personal.statusCode());
    assertEquals("", header(personal, "ETag"));
    assertEquals("private, no-store", header(personal, "Cache-Control"));
  }
}
