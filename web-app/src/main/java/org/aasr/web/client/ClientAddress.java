package org.aasr.web.client;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Who sent a request and over which scheme, as far as the site can trust it: the peer's own
 * address, unless the peer is one of the reverse proxies named in {@code AASR_TRUSTED_PROXIES};
 * then the client that proxy reports in {@code X-Forwarded-For} with the scheme in {@code
 * X-Forwarded-Proto}, or, where {@code AASR_TRUSTED_PROXY_HEADER} says the proxies write {@code
 * Forwarded} (RFC 7239), in that header's elements; never both, since a proxy passes on the one it
 * does not write. From any other peer those headers are ignored, so nobody can pose as another
 * address by writing a header.
 *
 * <p>The client is the rightmost address in the chain that is not a trusted proxy: each proxy
 * appends the address it was reached from, so everything left of the first untrusted hop was
 * written by someone the site does not trust. A hop that is not an IP address ({@code unknown}, an
 * obfuscated {@code _name}) stops the walk at the trusted proxy that reported it.
 *
 * <p>For use anywhere a request is at hand (the sign-in throttle keys on it):
 *
 * <pre>{@code
 * String address = ClientAddress.of(request); // e.g. "203.0.113.7" or "2001:db8::7"
 * boolean https = ClientAddress.isHttps(request);
 * }</pre>
 *
 * The answer is worked out once per request and kept as request attribute {@link #ATTRIBUTE}.
 */
public final class ClientAddress {

  /** The request attribute holding this request's {@link Resolved} answer. */
  public static final String ATTRIBUTE = ClientAddress.class.getName();

  private static final Logger LOG = Logger.getLogger(ClientAddress.class.getName());

  private static final String SETTING = "aasr.trusted.proxies";

  private static final String HEADER_SETTING = "aasr.trusted.proxy.header";

  private static final String X_FORWARDED_FOR = "X-Forwarded-For";

  private static final String FORWARDED = "Forwarded";

  /** The unreadable header setting last logged, so that it is logged once, not per request. */
  private static volatile String warnedSetting;

  /** The setting's text and what it was read as; read again when the text changes. */
  private static volatile Parsed parsed = new Parsed(null, TrustedProxies.NONE);

  private record Parsed(String text, TrustedProxies proxies) {}

  /** What a request says about its client once trust is applied. */
  public record Resolved(String address, boolean https) {}

  private ClientAddress() {}

  /** The client's IP address, as text. */
  public static String of(HttpServletRequest request) {
    return resolved(request).address();
  }

  /** Whether the client reached the site over HTTPS: directly, or by a trusted proxy's word. */
  public static boolean isHttps(HttpServletRequest request) {
    // With no proxy trusted, only the connection itself says: spares reading the headers on every
    // answer (the security headers ask this of each one).
    return trustedProxies().isEmpty() ? request.isSecure() : resolved(request).https();
  }

  private static Resolved resolved(HttpServletRequest request) {
    if (request.getAttribute(ATTRIBUTE) instanceof Resolved known) {
      return known;
    }
    TrustedProxies trusted = trustedProxies();
    Resolved resolved =
        trusted.isEmpty()
            ? resolve(
                request.getRemoteAddr(),
                request.isSecure(),
                List.of(),
                List.of(),
                List.of(),
                trusted)
            : believing(
                ConfigProvider.getConfig()
                    .getOptionalValue(HEADER_SETTING, String.class)
                    .orElse(X_FORWARDED_FOR),
                request.getRemoteAddr(),
                request.isSecure(),
                name -> headers(request, name),
                trusted);
    request.setAttribute(ATTRIBUTE, resolved);
    return resolved;
  }

  /**
   * The rule, reading only the headers that the trusted proxies write ({@code
   * AASR_TRUSTED_PROXY_HEADER}): {@code X-Forwarded-For} with {@code X-Forwarded-Proto}, as nginx,
   * HAProxy's {@code option forwardfor}, Caddy and Traefik send them, or {@code Forwarded}. A proxy
   * passes on what it does not write itself, so believing the other header too would let anyone
   * name any address in it. A setting that is neither believes no header (logged).
   *
   * @param setting the header the proxies write: {@code X-Forwarded-For} or {@code Forwarded}
   * @param headers a request header's lines by name
   */
  static Resolved believing(
      String setting,
      String peer,
      boolean peerHttps,
      java.util.function.Function<String, List<String>> headers,
      TrustedProxies trusted) {
    String header = setting == null ? X_FORWARDED_FOR : setting.trim();
    if (header.equalsIgnoreCase(FORWARDED)) {
      return resolve(peer, peerHttps, headers.apply(FORWARDED), List.of(), List.of(), trusted);
    }
    if (!header.equalsIgnoreCase(X_FORWARDED_FOR)) {
      if (!header.equals(warnedSetting)) {
        warnedSetting = header;
        LOG.severe(
            "AASR_TRUSTED_PROXY_HEADER is \""
                + header
                + "\": it must be X-Forwarded-For or Forwarded; no forwarding header is believed"
                + " until it is corrected.");
      }
      return resolve(peer, peerHttps, List.of(), List.of(), List.of(), trusted);
    }
    return resolve(
        peer,
        peerHttps,
        List.of(),
        headers.apply(X_FORWARDED_FOR),
        headers.apply("X-Forwarded-Proto"),
        trusted);
  }

  /** The proxies {@code AASR_TRUSTED_PROXIES} names (none when unset). */
  public static TrustedProxies trustedProxies() {
    String text =
        ConfigProvider.getConfig().getOptionalValue(SETTING, String.class).orElse("").trim();
    Parsed known = parsed;
    if (!text.equals(known.text())) {
      TrustedProxies proxies;
      try {
        proxies = TrustedProxies.parse(text);
      } catch (IllegalArgumentException e) {
        // Trusting nobody is the safe reading of a setting that cannot be read.
        LOG.severe(e.getMessage() + "; no proxy is trusted until it is corrected.");
        proxies = TrustedProxies.NONE;
      }
      known = new Parsed(text, proxies);
      parsed = known;
    }
    return known.proxies();
  }

  private static List<String> headers(HttpServletRequest request, String name) {
    var values = request.getHeaders(name);
    return values == null ? List.of() : Collections.list(values);
  }

  /**
   * The rule itself, without a request.
   *
   * @param peer the address of the connection's other end
   * @param peerHttps whether that connection is TLS
   * @param forwarded the {@code Forwarded} header lines, in order
   * @param forwardedFor the {@code X-Forwarded-For} header lines, in order
   * @param forwardedProto the {@code X-Forwarded-Proto} header lines, in order
   */
  public static Resolved resolve(
      String peer,
      boolean peerHttps,
      List<String> forwarded,
      List<String> forwardedFor,
      List<String> forwardedProto,
      TrustedProxies trusted) {
    if (!trusted.contains(peer)) {
      return new Resolved(address(peer).orElse(peer), peerHttps);
    }
    List<String[]> hops = new ArrayList<>(); // {for, proto} per hop, leftmost first
    if (!forwarded.isEmpty()) {
      for (String element : elements(forwarded)) {
        hops.add(new String[] {param(element, "for"), param(element, "proto")});
      }
    } else {
      for (String hop : elements(forwardedFor)) {
        hops.add(new String[] {hop, null});
      }
    }
    List<String> protos = elements(forwardedProto);
    String scheme = protos.isEmpty() ? null : protos.get(protos.size() - 1);
    String client = address(peer).orElse(peer);
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i)[0];
      if (i == hops.size() - 1 && hops.get(i)[1] != null) {
        scheme = hops.get(i)[1]; // how the nearest proxy was reached
      }
      Optional<String> address = address(hop);
      if (address.isEmpty()) {
        break;
      }
      client = address.get();
      if (!trusted.contains(client)) {
        break;
      }
    }
    boolean https =
        scheme == null ? peerHttps : scheme.trim().toLowerCase(Locale.ROOT).equals("https");
    return new Resolved(client, https);
  }

  /** The comma-separated elements of a header's lines, trimmed, blanks dropped. */
  private static List<String> elements(List<String> lines) {
    List<String> elements = new ArrayList<>();
    for (String line : lines) {
      for (String element : line.split(",")) {
        if (!element.isBlank()) {
          elements.add(element.trim());
        }
      }
    }
    return elements;
  }

  /** A parameter of a {@code Forwarded} element ({@code for=1.2.3.4;proto=https}), unquoted. */
  private static String param(String element, String name) {
    for (String pair : element.split(";")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).trim().equalsIgnoreCase(name)) {
        String value = pair.substring(eq + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value;
      }
    }
    return null;
  }

  /**
   * The IP address of a hop as a header writes it ({@code 203.0.113.7}, {@code 203.0.113.7:4711},
   * {@code [2001:db8::7]:4711}, {@code 2001:db8::7}), or empty when it is none.
   */
  static Optional<String> address(String hop) {
    if (hop == null || hop.isBlank()) {
      return Optional.empty();
    }
    String s = hop.trim();
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      s = close < 0 ? s : s.substring(1, close);
    } else if (s.indexOf(':') == s.lastIndexOf(':') && s.indexOf(':') > 0) {
      s = s.substring(0, s.indexOf(':')); // IPv4 with a port
    }
    return TrustedProxies.literal(s).map(ClientAddress::text);
  }

  /** One spelling per address, so that {@code 2001:DB8::7} and {@code 2001:db8:0::7} are one. */
  private static String text(byte[] address) {
    try {
      return InetAddress.getByAddress(address).getHostAddress();
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
