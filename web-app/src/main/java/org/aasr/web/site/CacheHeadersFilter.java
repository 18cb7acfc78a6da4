package org.aasr.web.site;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Tells browsers and proxies how long they may keep what the site sends; registered in web.xml.
 *
 * <ul>
 *   <li>Static resources ({@code /jakarta.faces.resource/…?v={build}}): left to Faces, which allows
 *       a year (web.xml); a new build changes the version and so the URL.
 *   <li>Admin pages: never stored, they show private data.
 *   <li>Public pages: a few minutes, so that a crowd of readers mostly hits caches while an edit
 *       still shows soon.
 *   <li>Error answers (the ERROR dispatch, web.xml): never stored. A not-found may be passing (a
 *       story opened a minute before its publish time) and a cache must not keep it.
 * </ul>
 */
public class CacheHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** How long a public page may be cached, in seconds. */
  public static final int PUBLIC_PAGE_MAX_AGE = 300;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getDispatcherType() == DispatcherType.ERROR) {
      res.setHeader("Cache-Control", "no-store");
      chain.doFilter(req, res);
      return;
    }
    String path = Routes.path(req);
    if (!path.startsWith("/jakarta.faces.resource/")) { // Faces sets a resource's own headers.
      res.setHeader(
          "Cache-Control",
          Routes.isConsole(path) ? "no-store" : "public, max-age=" + PUBLIC_PAGE_MAX_AGE);
    }
    chain.doFilter(req, res);
  }
}
