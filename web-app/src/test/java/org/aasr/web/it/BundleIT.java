package org.aasr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable bundle, {@code aasr.jar}, exactly as the README starts it: on the port given with
 * {@code --port}, keeping its database under {@code AASR_DATA_DIR}, and starting again on the same
 * data after a crash without losing or duplicating anything.
 */
class BundleIT {

  /** Generous: on a shared two-core machine under load a start has taken over four minutes. */
  private static final Duration START_TIMEOUT = Duration.ofMinutes(8);

  @TempDir Path work;

  private Process server;

  /** Every bundle started by a test, stopped after it. */
  private final List<Process> started = new java.util.ArrayList<>();

  @BeforeEach
  void checkBundle() {
    assertTrue(new File(bundle()).isFile(), "the build made " + bundle());
  }

  @AfterEach
  void stop() throws InterruptedException {
    for (Process process : started) {
      if (process.isAlive()) {
        process.destroyForcibly().waitFor();
      }
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

  /** Starts the bundle and waits until it serves the home page with its content. */
  private Site start(Path dataDir, int port, String... options)
      throws IOException, InterruptedException {
    // No --nocluster here: the jar must stay alone by itself (its boot properties say so).
    List<String> line =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC"));
    if (!Boolean.getBoolean("aasr.cds.skip")) {
      // The class data archive that the build made for this jar, as the README's command maps
      // it; -Xshare:on turns an archive the JVM cannot use into a failed start, not a slow one.
      line.add("-Xshare:on");
      line.add(
          "-XX:SharedArchiveFile="
              + new File(bundle()).getAbsoluteFile().toPath().resolveSibling("aasr.jsa"));
    }
    line.addAll(
        List.of("-jar", new File(bundle()).getAbsolutePath(), "--port", String.valueOf(port)));
    line.addAll(List.of(options));
    ProcessBuilder command =
        new ProcessBuilder(line)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("server-" + port + ".log").toFile());
    command.environment().put("AASR_DATA_DIR", dataDir.toString());
    // As on a first real start: no administrator given, so a one-time password is made.
    command.environment().remove("AASR_ADMIN_EMAIL");
    command.environment().remove("AASR_ADMIN_PASSWORD");
    command.environment().remove("AASR_TRUSTED_PROXIES");
    Instant started = Instant.now();
    server = command.start();
    this.started.add(server);
    Site site = new Site(URI.create("http://localhost:" + port + "/").toURL());
    while (Duration.between(started, Instant.now()).compareTo(START_TIMEOUT) < 0) {
      if (!server.isAlive()) {
        throw new AssertionError("the bundle exited: " + log(port));
      }
      try {
        HttpResponse<String> home = site.get("/");
        if (home.statusCode() == 200 && home.body().contains("Latest stories")) {
          System.out.printf(
              "aasr.jar served its home page %d ms after start%n",
              Duration.between(started, Instant.now()).toMillis());
          return site;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the bundle did not serve its home page in time: " + log(port));
  }

  private String fullLog(int port) throws IOException {
    return Files.readString(work.resolve("server-" + port + ".log"));
  }

  private String log(int port) {
    try {
      List<String> lines = Files.readAllLines(work.resolve("server-" + port + ".log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
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
  void servesOnTheGivenPortKeepsItsDataAndRestartsAfterACrashWithoutDuplicates() throws Exception {
    Path dataDir = work.resolve("data");
    int port = freePort();

    Site first = start(dataDir, port);
    assertEquals(4, first.page("/stories").select("main .story-title").size());
    // Made in the background ten seconds after the tables are ready (FirstAdministrator).
    for (long until = System.nanoTime() + 30_000_000_000L;
        !fullLog(port).contains("First administrator created") && System.nanoTime() < until; ) {
      Thread.sleep(100);
    }
    assertTrue(fullLog(port).contains("First administrator created"), log(port));
    assertTrue(Files.isDirectory(dataDir.resolve("derby")), "Derby lives in AASR_DATA_DIR");
    // Payara's OpenAPI servlet is not even set up (pre-boot-commands.asadmin): it logs its
    // endpoints when it is, and its start cost the site's start most of a second.
    assertFalse(fullLog(port).contains("REST Endpoints"), log(port));
    server.destroyForcibly().waitFor(); // a crash, not a clean stop

    Site second = start(dataDir, port);
    assertEquals(4, second.page("/stories").select("main .story-title").size());
    assertFalse(fullLog(port).contains("First administrator created"), "one administrator only");
    assertEquals(
        5,
        second.page("/").select("main section h2").size(),
        "the home page's sections (fundraiser, mission, explainer, stories, volunteering)");
    server.destroy();
    server.waitFor();

    assertEquals(4, count(dataDir, "SELECT COUNT(*) FROM story"));
    assertEquals(3, count(dataDir, "SELECT COUNT(*) FROM site_page"));
    // Each migration ran once, successfully, however often the site started.
    assertEquals(
        0,
        count(
            dataDir,
            "SELECT COUNT(*) - COUNT(DISTINCT \"version\") FROM \"content_schema_history\""
                + " WHERE \"version\" IS NOT NULL"));
    assertEquals(
        0, count(dataDir, "SELECT COUNT(*) FROM \"content_schema_history\" WHERE NOT \"success\""));
  }

  @Test
  void theFirstAdministratorsOneTimePasswordMustBeReplacedAndRepeatedFailuresLockTheAccount()
      throws Exception {
    int port = freePort();
    start(work.resolve("data"), port);
    // Made in the background ten seconds after the tables are ready (FirstAdministrator).
    Pattern oneTimePassword = Pattern.compile("email: +(\\S+)\\s+password: +(\\S+)");
    String log = fullLog(port);
    for (long until = System.nanoTime() + 30_000_000_000L;
        !oneTimePassword.matcher(log).find() && System.nanoTime() < until; ) {
      Thread.sleep(100);
      log = fullLog(port);
    }
    Matcher printed = oneTimePassword.matcher(log);
    assertTrue(printed.find(), "the one-time password is in the log");
    String email = printed.group(1);
    String oneTime = printed.group(2);
    assertEquals("admin@localhost", email);

    FormClient admin = new FormClient(URI.create("http://localhost:" + port + "/"));
    admin.get("/admin/login");
    Document page =
        admin.submit("login-form", "sign-in", Map.of("email", email, "password", oneTime));
    assertEquals("/admin/password", admin.path(), "sent to choose a password first");
    admin.get("/admin");
    assertEquals("/admin/password", admin.path(), "and nowhere else until it is done");

    page =
        admin.submit(
            "password-form",
            "change",
            Map.of("current-password", oneTime, "new-password", "short", "confirmation", "short"));
    assertTrue(page.text().contains("Choose a password of 12 to 128 characters."));

    String chosen = "a long password the staff chose";
    admin.submit(
        "password-form",
        "change",
        Map.of("current-password", oneTime, "new-password", chosen, "confirmation", chosen));
    assertEquals("/admin", admin.path().replaceAll("/$", ""));

    FormClient attacker = new FormClient(URI.create("http://localhost:" + port + "/"));
    for (int i = 0; i < 5; i++) {
      attacker.get("/admin/login");
      attacker.submit("login-form", "sign-in", Map.of("email", email, "password", "guess " + i));
    }
    FormClient owner = new FormClient(URI.create("http://localhost:" + port + "/"));
    owner.get("/admin/login");
    page = owner.submit("login-form", "sign-in", Map.of("email", email, "password", chosen));
    assertTrue(owner.path().startsWith("/admin/login"), "locked even with the right password");
    assertTrue(page.text().contains("signing in to an account is paused for 15 minutes"));
  }

  @Test
  void twoCopiesOnOneMachineNeverFormACluster() throws Exception {
    int first = freePort();
    int second = freePort();
    start(work.resolve("data-1"), first);
    start(work.resolve("data-2"), second);
    Thread.sleep(5_000); // time enough for a member to find the other

    for (int port : List.of(first, second)) {
      String log = fullLog(port);
      assertTrue(log.contains("Deployed 1 archive"), "the site is up: " + log(port));
      // No data grid is started at all (pre-boot-commands.asadmin), so none can be joined.
      assertFalse(log.contains("Data Grid Status"), "a data grid started: " + log(port));
      assertFalse(log.contains("DG Size: 2"), "joined the other copy: " + log(port));
      assertFalse(Pattern.compile("Members \\{size:[2-9]").matcher(log).find(), log(port));
    }
  }

  @Test
  void theSessionCookieHasTheSameAttributesOnceEachOnTheHttpAndHttpsListeners() throws Exception {
    int http = freePort();
    int https = freePort();
    start(work.resolve("data"), http, "--sslport", String.valueOf(https));

    String plain = sessionCookie(new URL("http://localhost:" + http + "/admin/login"));
    String secure = sessionCookie(new URL("https://localhost:" + https + "/admin/login"));

    assertEquals(
        List.of("Path=/", "HttpOnly", "SameSite=Lax"), AdminConsoleIT.cookieAttributes(plain));
    assertEquals(
        List.of("Path=/", "Secure", "HttpOnly", "SameSite=Lax"),
        AdminConsoleIT.cookieAttributes(secure));
    assertEquals(
        "max-age=31536000; includeSubDomains",
        headers(new URL("https://localhost:" + https + "/"))
            .get("Strict-Transport-Security")
            .get(0),
        "HSTS over HTTPS");
  }

  private static String sessionCookie(URL url) throws Exception {
    return headers(url).getOrDefault("Set-Cookie", List.of()).stream()
        .filter(c -> c.startsWith("AASR_SESSION="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie from " + url));
  }

  /** A response's headers, over HTTP or HTTPS (Payara Micro's own certificate is self-signed). */
  private static Map<String, List<String>> headers(URL url) throws Exception {
    java.net.HttpURLConnection connection = (java.net.HttpURLConnection) url.openConnection();
    if (connection instanceof javax.net.ssl.HttpsURLConnection tls) {
      javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
      context.init(
          null,
          new javax.net.ssl.TrustManager[] {
            new javax.net.ssl.X509TrustManager() {
              @Override
              public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}

              @Override
              public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}

              @Override
              public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
              }
            }
          },
          null);
      tls.setSSLSocketFactory(context.getSocketFactory());
      tls.setHostnameVerifier((host, session) -> true);
    }
    connection.setInstanceFollowRedirects(false);
    try {
      assertEquals(200, connection.getResponseCode(), url.toString());
      return connection.getHeaderFields();
    } finally {
      connection.disconnect();
    }
  }
}
