package org.aasr.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.aasr.web.site.Routes;

/**
 * Sends the browser security headers on every response, error pages included; registered first in
 * web.xml.
 *
 * <p>The Content-Security-Policy allows scripts, styles, fonts and images from this site only, and
 * no inline script: a story that somehow carried a script could not run it. No page may be framed
 * (clickjacking), and other sites learn only our origin from links followed from here, never a
 * page's path. HSTS is sent on HTTPS only, where it means something.
 */
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

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

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = Routes.path(req);
    res.setHeader(
        "Content-Security-Policy",
        Routes.isConsole(path) ? ADMIN_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (req.isSecure()) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    chain.doFilter(req, res);
  }
}
