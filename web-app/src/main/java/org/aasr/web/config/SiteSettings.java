package org.aasr.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The site's settings, from MicroProfile Config: environment variables such as {@code
 * AASR_SITE_URL} or system properties such as {@code -Daasr.site.url=…}.
 *
 * <p>Every setting has a default that suits the one-command local run.
 */
@Named
@ApplicationScoped
public class SiteSettings {

  /** The organisation's name, as the site shows it. */
  public static final String SITE_NAME = "Alliance Against Seclusion & Restraint";

  @Inject
  @ConfigProperty(name = "aasr.site.url")
  Optional<String> siteUrl;

  @Inject
  @ConfigProperty(name = "aasr.site.timezone", defaultValue = "America/New_York")
  String timezone;

  private final String buildVersion = readBuildVersion();

  public String getSiteName() {
    return SITE_NAME;
  }

  /**
   * This build's version and time, such as {@code 0.1.0-SNAPSHOT-20261128T2300}: it changes with
   * every build, so that resource URLs carrying it can be cached for a long time.
   */
  public String getBuildVersion() {
    return buildVersion;
  }

  private static String readBuildVersion() {
    Properties build = new Properties();
    try (InputStream in = SiteSettings.class.getResourceAsStream("/aasr-build.properties")) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return (build.getProperty("version", "dev") + "-" + build.getProperty("built", "0"))
        .replaceAll("[^A-Za-z0-9._-]", "");
  }

  /** Whether the site's public address ({@code AASR_SITE_URL}) is an HTTPS one. */
  public boolean isServedOverHttps() {
    return siteUrl.filter(url -> url.startsWith("https:")).isPresent();
  }

  /** The time zone in which the site shows dates. */
  public ZoneId zone() {
    return ZoneId.of(timezone);
  }

  /**
   * The public address of the site without a trailing slash, for canonical links, the sitemap and
   * the feed. Set {@code AASR_SITE_URL} behind a proxy; otherwise the request's own address is
   * used.
   */
  public String baseUrl(HttpServletRequest request) {
    return siteUrl
        .filter(url -> !url.isBlank())
        .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
        .orElseGet(
            () -> {
              String scheme = request.getScheme();
              int port = request.getServerPort();
              boolean defaultPort =
                  ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
              return scheme
                  + "://"
                  + request.getServerName()
                  + (defaultPort ? "" : ":" + port)
                  + request.getContextPath();
            });
  }

  /**
   * The address from which links sent by email are made (a volunteer's confirmation and private
   * links): {@code AASR_SITE_URL}, or else this server's own loopback address and port. Never the
   * request's {@code Host} header: whoever sends a request chooses that, and a link to their own
   * server in a genuine email from the organisation would hand them the token it carries. Without
   * {@code AASR_SITE_URL}, links therefore only work on the machine that runs the site, which is
   * what a local run needs; a public site sets it (README).
   */
  public String linkBaseUrl(HttpServletRequest request) {
    return siteUrl
        .filter(url -> !url.isBlank())
        .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
        .orElseGet(() -> "http://localhost:" + request.getLocalPort() + request.getContextPath());
  }
}
