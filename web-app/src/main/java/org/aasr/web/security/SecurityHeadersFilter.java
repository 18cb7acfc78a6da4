package org.aasr.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.aasr.web.client.ClientAddress;
import org.aasr.web.config.SiteSettings;
import org.aasr.web.site.Routes;

/**
 * Sends the browser security headers on every response, error pages included; registered first in
 * web.xml.
 *
 * <p>The Content-Security-Policy allows scripts, styles, fonts and images from this site only, and
 * no inline script: a story that somehow carried a script could not run it. No page may be framed
 * (clickjacking), and other sites learn only our origin from links followed from here, never a
 * page's path. HSTS is sent whenever the site is served over HTTPS: directly, by its public address
 * ({@code AASR_SITE_URL}), or by the word of a trusted reverse proxy ({@link ClientAddress}).
 *
 * <p>One policy per response outside the console: PrimeFaces' CSP mode (web.xml) adds a nonce
 * policy of its own to every Faces page, which the public pages, running no script, do not need; it
 * is dropped there. The console keeps both (see {@link #ADMIN_CONTENT_SECURITY_POLICY}).
 */
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject SiteSettings settings;

  /**
   * The site's policy; it is strict because the public pages need no script of their own. The
   * donation form's post may be redirected to Stripe Checkout, which browsers check against {@code
   * form-action}.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self' https://checkout.stripe.com; frame-ancestors 'none'";

  /**
   * The console's policy. PrimeFaces needs inline scripts and styles; in its CSP mode (web.xml) it
   * gives each inline script a per-request nonce and sends a second policy that allows only scripts
   * with that nonce. A browser enforces both policies, so the console still runs no inline script
   * without the nonce.
   */
  public static final String ADMIN_CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
          + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** The filter in service, for the page cache's front door ({@link PageCacheValve}). */
  private static volatile SecurityHeadersFilter current;

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

  static SecurityHeadersFilter current() {
    return current;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(req, apply(req, res, Routes.isConsole(Routes.path(req))));
  }

  /** Sets the headers of a public page, for an answer the front door gives before the filters. */
  HttpServletResponse publicAnswer(HttpServletRequest req, HttpServletResponse res) {
    return apply(req, res, false);
  }

  /**
   * Sets the security headers of an answer to a request, and returns the response that the rest of
   * the answer must be written to (outside the console, one that refuses any other policy).
   */
  private HttpServletResponse apply(
      HttpServletRequest req, HttpServletResponse res, boolean console) {
    res.setHeader(
        "Content-Security-Policy",
        console ? ADMIN_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (req.isSecure() || settings.isServedOverHttps() || ClientAddress.isHttps(req)) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    return console ? res : new OnePolicy(res);
  }

  /** The response, refusing any further Content-Security-Policy once the site's is set. */
  private static final class OnePolicy extends HttpServletResponseWrapper {

    OnePolicy(HttpServletResponse response) {
      super(response);
    }

    private static boolean isPolicy(String name) {
      return name != null
          && (name.equalsIgnoreCase("Content-Security-Policy")
              || name.equalsIgnoreCase("Content-Security-Policy-Report-Only"));
    }

    @Override
    public void setHeader(String name, String value) {
      if (!isPolicy(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!isPolicy(name)) {
        super.addHeader(name, value);
      }
    }
  }
}
