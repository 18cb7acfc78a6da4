package org.aasr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The giving pages over HTTP on the built WAR, as a browser without JavaScript posts the form: the
 * pledge path to its thank-you page, one donation per form, errors next to their fields, the
 * fundraiser's page. In the admin-console execution, because it stores donations.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DonationIT {

  @ArquillianResource URL base;

  private Site site;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Site.builtWar();
  }

  @BeforeEach
  void site() {
    site = new Site(base);
  }

  private static Map<String, String> gift(String key, String email) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("formKey", key);
    form.put("amount", "5000");
    form.put("otherAmount", "");
    form.put("frequency", "ONE_TIME");
    form.put("name", "Zoë Ångström");
    form.put("email", email);
    form.put("dedication", "NONE");
    form.put("dedicatedTo", "");
    form.put("notifyEmail", "");
    form.put("website", "");
    return form;
  }

  private HttpResponse<String> post(String path, Map<String, String> fields, String origin) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(site.uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return site.send(request.build());
  }

  private String ownOrigin() {
    URI uri = site.uri("/");
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private static String thankYouPath(HttpResponse<String> response) {
    assertTrue(
        response.statusCode() == 302 || response.statusCode() == 303,
        "expected a redirect, got " + response.statusCode() + ": " + response.body());
    String location = response.headers().firstValue("Location").orElseThrow();
    URI uri = URI.create(location);
    assertTrue(uri.getPath().endsWith("/thank-you"), location);
    return uri.getPath() + "?" + uri.getRawQuery();
  }

  @Test
  void theDonateFormNeedsNoJavaScriptNoSessionAndIsNeverCached() {
    HttpResponse<String> response = site.get("/donate");
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().allValues("Set-Cookie").isEmpty());
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    Document page = Jsoup.parse(response.body());

    assertEquals("Donate to Five Year Anniversary", page.selectFirst("h1").text());
    Element form = page.selectFirst("form#donate-form");
    assertEquals("post", form.attr("method"));
    assertTrue(page.select("script").isEmpty());
    assertEquals(36, form.selectFirst("input[name=formKey]").val().length());
    assertEquals(
        "$25.00 $50.00 $100.00 $250.00 Other amount",
        form.select("input[name=amount] + label").eachText().stream()
            .collect(Collectors.joining(" ")));
    for (Element input : form.select("input:not([type=hidden])")) {
      assertNotNull(form.selectFirst("label[for=" + input.id() + "]"), "a label for " + input.id());
    }
    assertTrue(form.selectFirst("#coverFee-hint").text().contains("$1.06 on a gift of $25.00"));
    assertEquals(
        page.select("#donate-form").size(), 1, "one form, whose key differs at each showing");
    String again = Jsoup.parse(site.get("/donate").body()).selectFirst("input[name=formKey]").val();
    assertFalse(again.equals(form.selectFirst("input[name=formKey]").val()));
  }

  @Test
  void theDonateFormFromThePageCacheGivesEachAnswerItsOwnKeyPlainOrCompressed() throws Exception {
    String firstKey = keyOf(site.get("/donate").body());
    HttpResponse<String> plain = site.get("/donate");
    HttpResponse<byte[]> compressed =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(site.uri("/donate"))
                    .header("Accept-Encoding", "gzip")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    String unzipped;
    try (var unzip =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed.body()))) {
      unzipped = new String(unzip.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertEquals("gzip", compressed.headers().firstValue("Content-Encoding").orElse(""));
    assertEquals("no-store", compressed.headers().firstValue("Cache-Control").orElse(""));
    assertTrue(compressed.headers().firstValue("ETag").isEmpty(), "each answer is different");
    assertTrue(plain.headers().firstValue("ETag").isEmpty(), "each answer is different");
    String plainKey = keyOf(plain.body());
    String zippedKey = keyOf(unzipped);
    assertEquals(3, java.util.Set.of(firstKey, plainKey, zippedKey).size(), "one key per answer");
    assertEquals(plain.body().replace(plainKey, "KEY"), unzipped.replace(zippedKey, "KEY"));
    assertEquals(
        plain.headers().firstValue("Content-Security-Policy"),
        compressed.headers().firstValue("Content-Security-Policy"));
  }

  private static String keyOf(String page) {
    String key = Jsoup.parse(page).selectFirst("input[name=formKey]").val();
    assertTrue(key.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), key);
    return key;
  }

  @Test
  void aPledgeLeadsToItsThankYouPageWithTheInstructions() {
    HttpResponse<String> response =
        post("/donate", gift(UUID.randomUUID().toString(), "pledge@example.org"), ownOrigin());

    HttpResponse<String> thanks = site.get(thankYouPath(response));
    assertEquals(200, thanks.statusCode());
    assertEquals("no-store", thanks.headers().firstValue("Cache-Control").orElse(""));
    Document page = Jsoup.parse(thanks.body());
    assertTrue(page.text().contains("Thank you for pledging $50.00 to Five Year Anniversary"));
    assertTrue(page.selectFirst(".pledge-instructions").text().contains("cheque or bank transfer"));
    assertFalse(page.text().contains("Zoë"), "the donor's name is not on a page reached by link");
  }

  @Test
  void theSameFormPostedTwiceIsOneDonation() {
    Map<String, String> form = gift(UUID.randomUUID().toString(), "twice@example.org");
    String first = thankYouPath(post("/donate", form, ownOrigin()));
    String second = thankYouPath(post("/donate", form, null));
    assertEquals(first, second);
  }

  @Test
  void aWrongAmountComesBackNextToItsFieldWithWhatWasTyped() {
    Map<String, String> form = gift(UUID.randomUUID().toString(), "wrong@example.org");
    form.put("amount", "other");
    form.put("otherAmount", "12.345");
    HttpResponse<String> response = post("/donate", form, ownOrigin());

    assertEquals(200, response.statusCode());
    Document page = Jsoup.parse(response.body());
    assertTrue(page.title().startsWith("Error: "), page.title());
    assertEquals(
        "Use no more than 2 digits after the decimal point.",
        page.selectFirst("#otherAmount-error").text());
    Element input = page.selectFirst("#otherAmount");
    assertEquals("true", input.attr("aria-invalid"));
    assertEquals("otherAmount-error", input.attr("aria-describedby"));
    assertEquals("12.345", input.val());
    assertEquals("Zoë Ångström", page.selectFirst("#name").val(), "kept, in UTF-8");
    assertTrue(page.selectFirst("#amount-other").hasAttr("checked"));
    assertEquals(form.get("formKey"), page.selectFirst("input[name=formKey]").val());
    assertEquals("#otherAmount", page.selectFirst(".error-summary a").attr("href"));
  }

  @Test
  void aPostFromAnotherSiteIsRefused() {
    HttpResponse<String> response =
        post(
            "/donate",
            gift(UUID.randomUUID().toString(), "csrf@example.org"),
            "https://attacker.example");
    assertEquals(200, response.statusCode());
    assertTrue(
        Jsoup.parse(response.body()).selectFirst(".error-summary").text().contains("another site"));
  }

  @Test
  void aFilledHoneypotIsRefusedWithAMessage() {
    Map<String, String> form = gift(UUID.randomUUID().toString(), "robot@example.org");
    form.put("website", "http://spam.example");
    HttpResponse<String> response = post("/donate", form, ownOrigin());
    assertEquals(200, response.statusCode());
    assertTrue(
        Jsoup.parse(response.body())
            .selectFirst(".error-summary")
            .text()
            .contains("could not take this gift"));
  }

  @Test
  void manyAttemptsWithOneEmailAddressAreRefusedWithAClearMessage() {
    for (int i = 0; i < 5; i++) {
      thankYouPath(post("/donate", gift(UUID.randomUUID().toString(), "tester@example.org"), null));
    }
    HttpResponse<String> refused =
        post("/donate", gift(UUID.randomUUID().toString(), "Tester@example.org"), null);
    assertEquals(200, refused.statusCode());
    assertTrue(
        Jsoup.parse(refused.body()).selectFirst(".error-summary").text().contains("please wait"));
  }

  @Test
  void theFundraiserPageShowsWhatWasRaisedWithoutAGoalUntilStaffSetOne() {
    Document page = site.page("/fundraisers/five-year-anniversary");
    assertEquals("Five Year Anniversary", page.selectFirst("h1").text());
    assertTrue(
        page.selectFirst(".raised").text().matches("\\$[0-9,.]+ raised from \\d+ donors?\\."));
    assertTrue(page.select("progress").isEmpty(), "no goal, no bar");
    assertEquals(
        "/donate?campaign=five-year-anniversary", page.selectFirst("main a.button").attr("href"));
    assertEquals(404, site.get("/fundraisers/no-such-fundraiser").statusCode());
  }

  @Test
  void theHomeBannerShowsTheFundraisersProgress() {
    Document home = site.page("/");
    assertTrue(home.selectFirst(".banner .raised").text().contains("raised from"));
  }

  @Test
  void anUnknownThankYouPageIsNotFound() {
    assertEquals(404, site.get("/thank-you?ref=nothing").statusCode());
    assertEquals(404, site.get("/donate?campaign=no-such-fundraiser").statusCode());
  }

  // --- Stripe's webhook endpoint (signing secret set by the build, no API key) ---

  private static final String WEBHOOK_SECRET = "whsec_test_only_not_a_real_secret";

  private HttpResponse<String> webhook(String payload, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(site.uri("/webhooks/stripe"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(payload));
    if (signature != null) {
      request.header("Stripe-Signature", signature);
    }
    return site.send(request.build());
  }

  private static String sign(String payload, long timestamp, String secret) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
    return "t=" + timestamp + ",v1=" + java.util.HexFormat.of().formatHex(digest);
  }

  private static String completedEvent(String eventId, String reference) {
    return "{\"id\": \""
        + eventId
        + "\", \"object\": \"event\", \"type\": \"checkout.session.completed\","
        + " \"data\": {\"object\": {\"id\": \"cs_x\", \"object\": \"checkout.session\","
        + " \"client_reference_id\": \""
        + reference
        + "\", \"payment_status\": \"paid\"}}}";
  }

  @Test
  void aWebhookWithoutAValidFreshSignatureIsRefusedWith400() throws Exception {
    String payload = completedEvent("evt_it_refused", UUID.randomUUID().toString());
    long now = java.time.Instant.now().getEpochSecond();

    assertEquals(400, webhook(payload, null).statusCode());
    assertEquals(400, webhook(payload, sign(payload, now, "whsec_forged")).statusCode());
    assertEquals(400, webhook(payload, sign(payload, now - 3600, WEBHOOK_SECRET)).statusCode());
    assertEquals(405, site.get("/webhooks/stripe").statusCode());
  }

  @Test
  void aSignedWebhookIsAnsweredOnceAndAgainAsADuplicate() throws Exception {
    String payload = completedEvent("evt_it_" + UUID.randomUUID(), UUID.randomUUID().toString());
    long now = java.time.Instant.now().getEpochSecond();

    HttpResponse<String> first = webhook(payload, sign(payload, now, WEBHOOK_SECRET));
    HttpResponse<String> again = webhook(payload, sign(payload, now, WEBHOOK_SECRET));

    assertEquals(200, first.statusCode());
    assertEquals("ignored", first.body(), "no donation has that reference");
    assertEquals(200, again.statusCode());
    assertEquals("duplicate", again.body());
  }
}
