package org.aasr.web.site.cache;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.aasr.web.config.SiteSettings;
import org.aasr.web.site.Routes;

/**
 * Answers anonymous reads of public pages from the {@link PageCache}, and fills it; registered in
 * web.xml after the security and cache headers and before routing, so that a cached answer carries
 * the very same security headers as a fresh one and costs no Faces work at all.
 *
 * <p>What may be cached is decided by {@link CacheRules}. For the answers it serves, this filter
 * owns the caching headers: {@code Cache-Control: public, no-cache} (anyone may keep a copy, but
 * must ask again each time, so that a change shows at once; asking costs a {@code 304}), {@code
 * Vary: Accept-Encoding}, a strong {@code ETag} per representation, and gzip when the client
 * accepts it. A {@code HEAD} gets the headers of the {@code GET} without its body. Requests with a
 * session (a signed-in editor reading the site) are never answered from the cache, never fill it
 * and are marked {@code private, no-store}, as are answers that set a cookie.
 *
 * <p>No Brotli: the JDK has no encoder, and the libraries that offer one bundle native code; gzip
 * at the highest level, done once per change, is what every client accepts.
 */
public class PageCacheFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** How public answers from the cache may be kept by browsers and proxies. */
  public static final String PUBLIC_CACHE_CONTROL = "public, no-cache";

  /** How answers to someone with a session, or that set a cookie, may be kept: not at all. */
  public static final String PRIVATE_CACHE_CONTROL = "private, no-store";

  /** Larger answers are sent but not kept. */
  private static final int MAX_BODY = 1024 * 1024;

  private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");

  /** Stands for a form's per-visitor key in kept pages; never sent (see {@link VisitorKeys}). */
  private final String keyPlaceholder = VisitorKeys.random();

  @Inject transient PageCache cache;
  @Inject transient SiteSettings settings;

  /** The filter in service, for the front door (see {@link #answerAhead}). */
  private static volatile PageCacheFilter current;

  @Override
  public void init() {
    current = this;
  }

  @Override
  public void destroy() {
    if (current == this) {
      current = null;
    }
  }

  /** The filter in service, or null before it is initialised and after it is destroyed. */
  public static PageCacheFilter current() {
    return current;
  }

  /**
   * Answers a request from memory ahead of the web container's security and the filters (for the
   * front door, {@code org.aasr.web.security.PageCacheValve}), if it is a plain anonymous read of a
   * page kept in the cache: a {@code GET} or {@code HEAD} with no body, no session, cookie of ours
   * or credentials, of a cacheable path with a canonical query. It writes the kept answer as {@link
   * #doFilter} would, to the response {@code securityHeaders} gives after setting the security
   * headers, and returns true; anything else returns false having written nothing, and the request
   * goes the usual way. The caller has checked that the path is canonical.
   */
  public boolean answerAhead(
      HttpServletRequest req,
      HttpServletResponse res,
      UnaryOperator<HttpServletResponse> securityHeaders)
      throws IOException {
    String path = Routes.path(req);
    if (!cache.isEnabled()
        || !CacheRules.isReadMethod(req.getMethod())
        || req.getContentLengthLong() > 0
        || req.getHeader("Transfer-Encoding") != null
        || !CacheRules.isCacheablePath(path)
        || CacheRules.isPersonal(
            req.getRequestedSessionId(),
            cookieNames(req),
            req.getHeader("Authorization") != null)) {
      return false;
    }
    Optional<String> query = CacheRules.canonicalQuery(path, req.getQueryString());
    if (query.isEmpty()) {
      return false;
    }
    Optional<CachedPage> hit = cache.peek(key(req, path, query.get()));
    if (hit.isEmpty()) {
      return false;
    }
    send(req, securityHeaders.apply(res), hit.get());
    return true;
  }

  private String key(HttpServletRequest req, String path, String query) {
    return settings.baseUrl(req) + path + (query.isEmpty() ? "" : "?" + query);
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = Routes.path(req);
    if (!cache.isEnabled()
        || !CacheRules.isReadMethod(req.getMethod())
        || !CacheRules.isCacheablePath(path)) {
      chain.doFilter(req, res);
      return;
    }
    if (CacheRules.isPersonal(
        req.getRequestedSessionId(), cookieNames(req), req.getHeader("Authorization") != null)) {
      res.setHeader("Cache-Control", PRIVATE_CACHE_CONTROL);
      chain.doFilter(req, res);
      return;
    }
    Optional<String> query = CacheRules.canonicalQuery(path, req.getQueryString());
    if (query.isEmpty()) {
      chain.doFilter(req, res);
      return;
    }
    String key = key(req, path, query.get());
    Optional<CachedPage> hit = cache.get(key);
    if (hit.isPresent()) {
      send(req, res, hit.get());
      return;
    }
    try {
      render(req, res, chain, path, key);
    } finally {
      cache.rendered(key);
    }
  }

  /** Renders a page that the cache does not answer, keeps it if it may, and sends it. */
  private void render(
      HttpServletRequest req, HttpServletResponse res, FilterChain chain, String path, String key)
      throws IOException, ServletException {
    long generation = cache.generation();
    BufferedResponse rendered = new BufferedResponse(res);
    req.setAttribute(VisitorKeys.PLACEHOLDER, keyPlaceholder);
    try {
      chain.doFilter(asGet(req), rendered);
    } finally {
      req.removeAttribute(VisitorKeys.PLACEHOLDER);
    }
    if (rendered.sentErrorOrRedirect()) {
      rendered.releaseHeldHeaders();
      return;
    }
    byte[] body = rendered.body();
    boolean sessionCreated = req.getSession(false) != null;
    int[] keyOffsets =
        req.getAttribute(VisitorKeys.TAKEN) == null ? new int[0] : offsets(body, keyPlaceholder);
    boolean keyed = keyOffsets.length > 0;
    if (CacheRules.mayStore(
            rendered.getStatus(),
            rendered.headerNames(),
            sessionCreated,
            // A form's own no-store is for its key, which every answer from the cache renews.
            keyed ? null : rendered.getHeader("Cache-Control"))
        && rendered.getContentType() != null
        && body.length <= MAX_BODY
        && !usesItsNonce(rendered.heldPolicies(), body)) {
      Instant now = Instant.now();
      CachedPage page =
          new CachedPage(
              rendered.getContentType(),
              rendered.replayedHeaders(),
              body,
              keyed ? null : gzip(body, Deflater.BEST_COMPRESSION),
              keyed ? null : etag(body, ""),
              keyed ? null : etag(body, "-gzip"),
              now,
              CacheRules.maxAge(path).map(now::plus).orElse(null),
              keyOffsets);
      cache.put(key, page, generation);
      send(req, res, page);
      return;
    }
    if (keyed) {
      // Not kept after all (a cookie, a session): the placeholder must not reach anyone.
      body = withFreshKeys(body, keyOffsets);
    }
    rendered.releaseHeldHeaders();
    if (sessionCreated || rendered.headerNames().stream().anyMatch("Set-Cookie"::equals)) {
      res.setHeader("Cache-Control", PRIVATE_CACHE_CONTROL);
    }
    res.setContentLength(body.length);
    if (!"HEAD".equals(req.getMethod())) {
      res.getOutputStream().write(body);
    }
  }

  private static void send(HttpServletRequest req, HttpServletResponse res, CachedPage page)
      throws IOException {
    boolean gzip = CacheRules.acceptsGzip(Collections.list(req.getHeaders("Accept-Encoding")));
    if (page.hasVisitorKeys()) {
      sendWithFreshKeys(req, res, page, gzip);
      return;
    }
    page.headers()
        .forEach(
            (name, values) -> {
              res.setHeader(name, values.get(0));
              values.stream().skip(1).forEach(value -> res.addHeader(name, value));
            });
    res.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL);
    res.setHeader("Vary", "Accept-Encoding");
    res.setHeader("ETag", gzip ? page.gzipEtag() : page.etag());
    if (CacheRules.matches(
        Collections.list(req.getHeaders("If-None-Match")), page.etag(), page.gzipEtag())) {
      res.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    byte[] body = gzip ? page.gzip() : page.plain();
    res.setStatus(HttpServletResponse.SC_OK);
    res.setContentType(page.contentType());
    if (gzip) {
      res.setHeader("Content-Encoding", "gzip");
    }
    res.setContentLength(body.length);
    if (!"HEAD".equals(req.getMethod())) {
      res.getOutputStream().write(body);
    }
  }

  /**
   * A page whose form carries a per-visitor key: each answer gets new keys, is compressed on the
   * way out (quickly: it is a few kilobytes) and may be kept by nobody.
   */
  private static void sendWithFreshKeys(
      HttpServletRequest req, HttpServletResponse res, CachedPage page, boolean gzip)
      throws IOException {
    page.headers()
        .forEach(
            (name, values) -> {
              res.setHeader(name, values.get(0));
              values.stream().skip(1).forEach(value -> res.addHeader(name, value));
            });
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Vary", "Accept-Encoding");
    byte[] plain = withFreshKeys(page.plain(), page.keyOffsets());
    byte[] body = gzip ? gzip(plain, Deflater.BEST_SPEED) : plain;
    res.setStatus(HttpServletResponse.SC_OK);
    res.setContentType(page.contentType());
    if (gzip) {
      res.setHeader("Content-Encoding", "gzip");
    }
    res.setContentLength(body.length);
    if (!"HEAD".equals(req.getMethod())) {
      res.getOutputStream().write(body);
    }
  }

  /** A copy of the body with a new random key written at each offset. */
  static byte[] withFreshKeys(byte[] body, int[] offsets) {
    byte[] copy = body.clone();
    for (int offset : offsets) {
      byte[] key = VisitorKeys.random().getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(key, 0, copy, offset, VisitorKeys.LENGTH);
    }
    return copy;
  }

  /** Where the placeholder occurs in the body (as bytes: it is ASCII, and UTF-8 keeps ASCII). */
  static int[] offsets(byte[] body, String placeholder) {
    String text = new String(body, StandardCharsets.ISO_8859_1);
    List<Integer> found = new ArrayList<>();
    for (int at = text.indexOf(placeholder); at >= 0; at = text.indexOf(placeholder, at + 1)) {
      found.add(at);
    }
    return found.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Whether the page uses the per-request script nonce of its Content-Security-Policy: such a page
   * only works with its own answer's policy, so it cannot be shared.
   */
  private static boolean usesItsNonce(List<String> policies, byte[] body) {
    String text = new String(body, StandardCharsets.ISO_8859_1);
    for (String policy : policies) {
      Matcher nonce = NONCE.matcher(policy);
      while (nonce.find()) {
        if (text.contains(nonce.group(1))) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> cookieNames(HttpServletRequest req) {
    Cookie[] cookies = req.getCookies();
    return cookies == null ? List.of() : Arrays.stream(cookies).map(Cookie::getName).toList();
  }

  /** A HEAD is rendered as the GET it describes, so that both share one cached answer. */
  private static HttpServletRequest asGet(HttpServletRequest req) {
    if (!"HEAD".equals(req.getMethod())) {
      return req;
    }
    return new HttpServletRequestWrapper(req) {
      @Override
      public String getMethod() {
        return "GET";
      }
    };
  }

  static byte[] gzip(byte[] body, int level) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
    try (GZIPOutputStream gz =
        new GZIPOutputStream(out) {
          {
            def.setLevel(level);
          }
        }) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A strong entity tag from the body's SHA-256, with a suffix per representation. */
  static String etag(byte[] body, String suffix) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return '"'
          + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 15))
          + suffix
          + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
