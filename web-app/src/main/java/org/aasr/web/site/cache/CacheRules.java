package org.aasr.web.site.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.aasr.web.site.Routes;

/**
 * What the page cache may keep, and under which key. Pure functions, so that the rules can be read
 * and tested in one place.
 *
 * <p>A request may be answered from the cache only when it is an anonymous {@code GET} or {@code
 * HEAD} for one of the site's clean public addresses (not the console, not Faces resources, not
 * uploaded pictures, not a view file such as {@code /page.xhtml}), with no session cookie and no
 * credentials, and with no query parameter except those the page reads. The stories index reads
 * {@code category} and {@code page}; marketing tags ({@code utm_*}, {@code fbclid}…) that campaign
 * emails and shares add are ignored, since no page reads them; any other parameter, a repeated one
 * or an odd value sends the request past the cache, so junk query strings cannot fill it.
 *
 * <p>An answer may be kept only when it is a 200 that set no cookie and created no session.
 */
public final class CacheRules {

  /** Parameters that a page reads, by clean path. */
  private static final Map<String, Set<String>> PAGE_PARAMETERS =
      Map.of("/stories", Set.of("category", "page"), "/donate", Set.of("campaign"));

  /** Pages that show a fundraiser's figures (the home page's banner too), by clean path. */
  private static final Set<String> FUNDRAISER_FIGURES = Set.of("/", "/donate");

  /**
   * How long a page showing figures that visitors' own actions change is kept: a fundraiser's
   * totals (gifts confirmed by the payment provider's webhooks) and a shift's places left (taken
   * and freed by volunteers). Staff changes clear the cache at once ({@link ContentChangeRelay}).
   */
  static final Duration FIGURES_MAX_AGE = Duration.ofSeconds(5);

  /** Files the site renders (they have a dot, so they are no clean page path). */
  private static final Set<String> RENDERED_FILES =
      Set.of("/feed.xml", "/sitemap.xml", "/robots.txt");

  /** Sections whose pages are addressed {@code /section/{slug}}. */
  private static final List<String> SECTIONS = List.of("/stories/", "/fundraisers/", "/volunteer/");

  private static final Pattern PAGE_NUMBER = Pattern.compile("[1-9][0-9]{0,5}");
  private static final Pattern TRACKING =
      Pattern.compile("utm_[a-z_]+|fbclid|gclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi");
  private static final Set<String> SESSION_COOKIES = Set.of("AASR_SESSION", "JSESSIONID");

  private CacheRules() {}

  /** Whether a request method may be answered from the cache. */
  public static boolean isReadMethod(String method) {
    return "GET".equals(method) || "HEAD".equals(method);
  }

  /** Whether a path (inside the application, not decoded) is a cacheable public address. */
  public static boolean isCacheablePath(String path) {
    if (RENDERED_FILES.contains(path) || path.equals("/") || path.equals("/stories")) {
      return true;
    }
    if (!path.startsWith("/") || Routes.isConsole(path) || path.startsWith("/media/")) {
      return false;
    }
    for (String section : SECTIONS) {
      if (path.startsWith(section)) {
        return Routes.isSlug(path.substring(section.length()));
      }
    }
    return Routes.isSlug(path.substring(1));
  }

  /**
   * How long an answer for this path may be kept, or empty for "until the next change": pages that
   * show a fundraiser's figures or a shift's places left are kept {@link #FIGURES_MAX_AGE} at most.
   */
  public static Optional<Duration> maxAge(String path) {
    return FUNDRAISER_FIGURES.contains(path)
            || path.startsWith("/fundraisers/")
            || path.startsWith("/volunteer/")
        ? Optional.of(FIGURES_MAX_AGE)
        : Optional.empty();
  }

  /**
   * The query as the cache knows it: the page's own parameters in a fixed order, marketing tags
   * dropped; empty when the request must go past the cache.
   *
   * @param path the request path
   * @param query the raw query string, or {@code null}
   */
  public static Optional<String> canonicalQuery(String path, String query) {
    if (query == null || query.isEmpty()) {
      return Optional.of("");
    }
    Set<String> allowed = PAGE_PARAMETERS.getOrDefault(path, Set.of());
    Map<String, String> kept = new TreeMap<>();
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      if (TRACKING.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
        continue;
      }
      if (!allowed.contains(name) || kept.containsKey(name) || !isPlainValue(name, value)) {
        return Optional.empty();
      }
      kept.put(name, value);
    }
    List<String> pairs = new ArrayList<>();
    kept.forEach((name, value) -> pairs.add(name + "=" + value));
    return Optional.of(String.join("&", pairs));
  }

  private static boolean isPlainValue(String name, String value) {
    return name.equals("page") ? PAGE_NUMBER.matcher(value).matches() : Routes.isSlug(value);
  }

  /** Whether the request carries a session or credentials, making its answer private. */
  public static boolean isPersonal(
      String requestedSessionId, Collection<String> cookieNames, boolean hasAuthorization) {
    return requestedSessionId != null
        || hasAuthorization
        || cookieNames.stream().anyMatch(SESSION_COOKIES::contains);
  }

  /**
   * Whether an answer may be kept and served to others.
   *
   * @param status its status
   * @param headerNames the names of the headers it set
   * @param sessionCreated whether rendering it created an HTTP session
   * @param cacheControl the {@code Cache-Control} the page itself set, or null: a page that says
   *     {@code no-store} or {@code private} (a form carrying a per-visitor key, a donor's thank-you
   *     page) is never kept, whatever the cache would otherwise decide
   */
  public static boolean mayStore(
      int status, Collection<String> headerNames, boolean sessionCreated, String cacheControl) {
    String own = cacheControl == null ? "" : cacheControl.toLowerCase(Locale.ROOT);
    return status == 200
        && !sessionCreated
        && !own.contains("no-store")
        && !own.contains("private")
        && headerNames.stream().noneMatch(h -> h.equalsIgnoreCase("Set-Cookie"));
  }

  /**
   * Whether a client accepts gzip, from its {@code Accept-Encoding} header values: {@code gzip} or
   * {@code *} with a quality above zero.
   */
  public static boolean acceptsGzip(List<String> acceptEncoding) {
    Double gzip = null;
    Double any = null;
    for (String header : acceptEncoding) {
      for (String part : header.split(",")) {
        String[] fields = part.split(";");
        String coding = fields[0].trim().toLowerCase(Locale.ROOT);
        double q = 1;
        for (int i = 1; i < fields.length; i++) {
          String param = fields[i].trim();
          if (param.startsWith("q=") || param.startsWith("Q=")) {
            try {
              q = Double.parseDouble(param.substring(2).trim());
            } catch (NumberFormatException e) {
              q = 0;
            }
          }
        }
        if (coding.equals("gzip") || coding.equals("x-gzip")) {
          gzip = q;
        } else if (coding.equals("*")) {
          any = q;
        }
      }
    }
    return gzip != null ? gzip > 0 : any != null && any > 0;
  }

  /**
   * Whether an {@code If-None-Match} header names one of the given entity tags (weak comparison, as
   * RFC 9110 asks for this header), or is {@code *}.
   */
  public static boolean matches(List<String> ifNoneMatch, String... etags) {
    for (String header : ifNoneMatch) {
      for (String candidate : header.split(",")) {
        String tag = candidate.trim();
        if (tag.equals("*")) {
          return true;
        }
        if (tag.startsWith("W/")) {
          tag = tag.substring(2);
        }
        for (String etag : etags) {
          if (tag.equals(etag)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
