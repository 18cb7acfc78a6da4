package org.aasr.web.security;

import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.aasr.web.site.ErrorPageView;
import org.primefaces.csp.CspException;

/**
 * Answers a visitor's bad request with a 4xx and the site's error page, instead of letting it
 * surface as a server error with a stack trace in the log; registered in web.xml before the filters
 * that lead to Faces.
 *
 * <ul>
 *   <li>A multipart upload over {@link #MAX_UPLOAD_BYTES}: 413, decided on its declared length
 *       before anyone reads it (left to the container, it failed while Faces read the form: a 500,
 *       for a large picture or an anonymous multipart post to any public page). One that does not
 *       declare its length: 411; every browser declares it for a form.
 *   <li>A form post Faces cannot restore (an unknown, expired or forged view state) or whose
 *       PrimeFaces nonce does not match its page (forged, or from another page): 400 with the "page
 *       had expired" page. Request attribute {@link ErrorPageView#STALE_POST} is set, for those who
 *       count such posts.
 * </ul>
 */
public class BadRequestFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /**
   * The largest multipart request accepted, in bytes: the Faces servlet's {@code max-file-size}
   * (web.xml), so that no request reaching it can hold a file over its limit. Pictures themselves
   * are limited to 5 MB by the content module, with a message next to the field.
   */
  public static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String type = req.getContentType();
    long length = req.getContentLengthLong();
    // A body of unknown length comes chunked; without one (a GET that kept the content type of
    // the post before its redirect, as some clients do) there is nothing to refuse.
    boolean chunked = req.getHeader("Transfer-Encoding") != null;
    if (type != null
        && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
        && (chunked || length > 0)) {
      if (length < 0 || length > MAX_UPLOAD_BYTES) {
        // Closing spares reading the rest of an upload nobody will keep.
        res.setHeader("Connection", "close");
        res.sendError(
            length < 0
                ? HttpServletResponse.SC_LENGTH_REQUIRED
                : HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        return;
      }
    }
    try {
      chain.doFilter(req, res);
    } catch (ServletException | RuntimeException e) {
      int status = statusFor(e);
      if (status == 0 || res.isCommitted()) {
        throw e;
      }
      if (status == HttpServletResponse.SC_BAD_REQUEST) {
        req.setAttribute(ErrorPageView.STALE_POST, Boolean.TRUE);
      }
      res.sendError(status);
    }
  }

  /** The 4xx that an exception from Faces stands for, or 0 when it is a real failure. */
  static int statusFor(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ViewExpiredException || t instanceof CspException) {
        return HttpServletResponse.SC_BAD_REQUEST;
      }
      // The container's multipart parser (org.apache.catalina.fileupload), not on our class path.
      if (t.getClass().getSimpleName().equals("SizeException")) {
        return HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
      }
    }
    return 0;
  }
}
