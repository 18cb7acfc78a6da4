package org.aasr.web.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.stripe.Stripe;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The integrity case "killing the server right after a webhook is answered 200 loses
 * nothing": the bundle ({@code aasr.jar}) runs with Stripe on against a local fake of Stripe's API
 * (WireMock), a card gift is started, a signed {@code checkout.session.completed} confirms it, and
 * the moment its 200 arrives the JVM is killed with SIGKILL (no shutdown hook, no clean Derby
 * stop). Started again on the same data, the gift is still confirmed and counted.
 *
 * <p>Like {@link BundleIT}, it starts the jar itself: Arquillian's managed Payara would be stopped
 * cleanly, which proves nothing here.
 */
class WebhookCrashIT {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(8);
  private static final String SECRET = "whsec_crash_test_" + "0123456789abcdef";

  @TempDir Path work;

  private WireMockServer stripeApi;
  private final List<Process> started = new ArrayList<>();

  @BeforeEach
  void start() {
    // -Dit.test runs the class in both failsafe executions; once is enough for a slow test.
    Assumptions.assumeTrue(
        System.getenv("AASR_SMTP_PORT") == null, "runs in the public-site execution only");
    assertTrue(new File(bundle()).isFile(), "the build made " + bundle());
    stripeApi = new WireMockServer(options().dynamicPort());
    stripeApi.start();
    stripeApi.stubFor(
        post(urlEqualTo("/v1/checkout/sessions"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\": \"cs_crash_1\", \"object\": \"checkout.session\","
                            + " \"url\": \"https://checkout.stripe.test/c/pay/cs_crash_1\"}")));
  }

  @AfterEach
  void stop() throws InterruptedException {
    for (Process process : started) {
      if (process.isAlive()) {
        process.destroyForcibly().waitFor();
      }
    }
    if (stripeApi != null) {
      stripeApi.stop();
    }
  }

  private static String bundle() {
    return System.getProperty("aasr.bundle", "target/aasr.jar");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Starts the bundle with Stripe on and waits until it serves the donation form. */
  private Process start(Path dataDir, Path rootDir, int port) throws Exception {
    ProcessBuilder command =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-jar",
                new File(bundle()).getAbsolutePath(),
                "--port",
                String.valueOf(port),
                "--rootDir",
                rootDir.toString())
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(work.resolve("server-" + port + ".log").toFile()));
    command.environment().put("AASR_DATA_DIR", dataDir.toString());
    command.environment().put("AASR_STRIPE_SECRET_KEY", "sk_test_crash");
    command.environment().put("AASR_STRIPE_WEBHOOK_SECRET", SECRET);
    command.environment().put("AASR_STRIPE_API_BASE", stripeApi.baseUrl());
    command.environment().put("AASR_SITE_URL", "http://localhost:" + port);
    command.environment().remove("AASR_SMTP_HOST");
    command.environment().remove("AASR_SMTP_PORT");
    // Payara Micro says it is ready once it has deployed everything: with a reused --rootDir,
    // only after serving the old deployment for a while and deploying the application again.
    long readyBefore = readyCount(port);
    Instant begun = Instant.now();
    Process server = command.start();
    started.add(server);
    Site site = site(port);
    while (Duration.between(begun, Instant.now()).compareTo(START_TIMEOUT) < 0) {
      if (!server.isAlive()) {
        throw new AssertionError("the bundle exited: " + log(port));
      }
      try {
        HttpResponse<String> form = site.get("/donate");
        if (form.statusCode() == 200
            && form.body().contains("name=\"formKey\"")
            && readyCount(port) > readyBefore) {
          return server;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the bundle did not serve /donate in time: " + log(port));
  }

  /** How often the server's log says Payara Micro is ready. */
  private long readyCount(int port) throws IOException {
    Path log = work.resolve("server-" + port + ".log");
    if (!Files.exists(log)) {
      return 0;
    }
    try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
      return lines
          .filter(line -> line.contains("Payara Micro") && line.contains("ready in"))
          .count();
    }
  }

  private static Site site(int port) throws Exception {
    return new Site(URI.create("http://localhost:" + port + "/").toURL());
  }

  private String log(int port) {
    try {
      List<String> lines = Files.readAllLines(work.resolve("server-" + port + ".log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static String signature(String payload, long timestamp) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
    return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
  }

  private static long count(Path dataDir, String sql) throws SQLException {
    String url = "jdbc:derby:" + dataDir.resolve("derby");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } finally {
      try {
        DriverManager.getConnection(url + ";shutdown=true").close();
      } catch (SQLException expected) {
        // Derby reports a clean shutdown as an exception.
      }
    }
  }

  @Test
  void aGiftConfirmedByAWebhookSurvivesAKillMinus9RightAfterThe200() throws Exception {
    Path dataDir = work.resolve("data");
    Path rootDir = work.resolve("payara-root");
    int port = freePort();
    Process server = start(dataDir, rootDir, port);
    // The process the test kills is the JVM itself, not a shell around it.
    String command = server.info().command().orElse("");
    assertTrue(command.endsWith("/java"), "the started process is the JVM: " + command);
    assertEquals(server.pid(), ProcessHandle.of(server.pid()).orElseThrow().pid());
    Site site = site(port);

    // A card gift through the form: the bundle opens a Checkout Session at the fake.
    String origin = "http://localhost:" + port;
    HttpResponse<String> posted =
        site.send(
            HttpRequest.newBuilder(site.uri("/donate"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "formKey="
                            + UUID.randomUUID()
                            + "&amount=5000&otherAmount=&frequency=ONE_TIME&name=Ada+Lovelace"
                            + "&email=ada%40example.org&dedication=NONE&dedicatedTo="
                            + "&notifyEmail=&website="))
                .build());
    assertEquals(
        "https://checkout.stripe.test/c/pay/cs_crash_1",
        posted.headers().firstValue("Location").orElse(""),
        posted.statusCode() + " " + posted.body());
    String body =
        URLDecoder.decode(
            stripeApi
                .findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions")))
                .get(0)
                .getBodyAsString(),
            StandardCharsets.UTF_8);
    Matcher ref = Pattern.compile("client_reference_id=([0-9a-f-]{36})").matcher(body);
    assertTrue(ref.find(), body);
    String reference = ref.group(1);

    String payload =
        "{\"id\": \"evt_crash_1\", \"object\": \"event\", \"api_version\": \""
            + Stripe.API_VERSION
            + "\", \"type\": \"checkout.session.completed\", \"data\": {\"object\":"
            + " {\"id\": \"cs_crash_1\", \"object\": \"checkout.session\","
            + " \"client_reference_id\": \""
            + reference
            + "\", \"payment_status\": \"paid\", \"payment_intent\": \"pi_crash_1\"}}}";
    HttpResponse<String> answered =
        site.send(
            HttpRequest.newBuilder(site.uri("/webhooks/stripe"))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", signature(payload, Instant.now().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build());
    server.destroyForcibly(); // SIGKILL, the moment the 200 is in
    assertEquals(200, answered.statusCode(), answered.body());
    assertTrue(server.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the JVM is gone");
    assertEquals(137, server.exitValue(), "killed by SIGKILL (128 + 9)");

    start(dataDir, rootDir, port);
    // With its --rootDir reused, Payara Micro serves the old deployment and then deploys the
    // application again (a few seconds of 503, or of the container's own 404 between the two);
    // start() waited for it to say it is ready, and this waits out any rest of the switch.
    HttpResponse<String> thanks = site.get("/thank-you?ref=" + reference);
    for (Instant until = Instant.now().plus(START_TIMEOUT);
        isSwitching(thanks) && Instant.now().isBefore(until); ) {
      Thread.sleep(500);
      thanks = site.get("/thank-you?ref=" + reference);
    }
    assertEquals(200, thanks.statusCode(), thanks.body());
    assertTrue(thanks.body().contains("is confirmed"), thanks.body());
    HttpResponse<String> fundraiser = site.get("/fundraisers/five-year-anniversary");
    assertTrue(
        fundraiser.body().contains("<strong>$50.00</strong> raised"),
        "counted in the fundraiser's total: " + fundraiser.body());
    // Delivered again after the restart (Stripe retries what it doubts): still one gift.
    HttpResponse<String> again =
        site.send(
            HttpRequest.newBuilder(site.uri("/webhooks/stripe"))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", signature(payload, Instant.now().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build());
    assertEquals(200, again.statusCode());
    for (Process p : started) {
      p.destroy();
      p.waitFor();
    }

    assertEquals(1, count(dataDir, "SELECT COUNT(*) FROM donation WHERE status = 'CONFIRMED'"));
    assertEquals(
        5000,
        count(
            dataDir,
            "SELECT COALESCE(SUM(amount_minor), 0) FROM donation WHERE status = 'CONFIRMED'"));
    assertEquals(
        1, count(dataDir, "SELECT COUNT(*) FROM stripe_event WHERE event_id = 'evt_crash_1'"));
  }

  /** An answer of the container itself while the application is being deployed again. */
  private static boolean isSwitching(HttpResponse<String> answer) {
    return answer.statusCode() == 503
        || (answer.statusCode() == 404 && answer.body().contains("Payara Micro - Error report"));
  }
}
