package org.aasr.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.aasr.web.site.Routes;

/**
 * Refuses (400) any request whose path is not written the one way the site writes its own
 * addresses; registered first in web.xml.
 *
 * <p>The container matches servlets and security constraints on a decoded, normalised path, while
 * the filters (cache headers, Content-Security-Policy, the password-change gate) decide on the path
 * as sent ({@link Routes#path}). Where the two differ, a console page could be served with the
 * public site's headers, or a dot segment such as {@code /admin/password/../users} could slip past
 * a gate. Refusing every path the two could read differently, rather than normalising it once more
 * here, leaves nothing to disagree about: after this filter the raw path <em>is</em> the normalised
 * one. The site never writes such addresses itself, so no reader's link breaks.
 *
 * <p>Refused: percent-encoding of any kind ({@code %2e}, {@code %2f}, {@code %61}), path parameters
 * ({@code ;x=1}; a {@code ;jsessionid=…} never reaches this filter, Grizzly takes it out of the URI
 * for the container and the filters alike), empty segments ({@code //}), dot segments ({@code /./},
 * {@code /../}, a trailing {@code /.}), backslashes and anything outside the printable ASCII a URL
 * path may hold. Case and a trailing slash are left alone: the container decides on them exactly as
 * the filters do (both are case-sensitive and treat {@code /admin/users/} as its own, unknown,
 * path).
 *
 * <p>Also answered with the site's 404: what Payara itself serves inside the application and the
 * site does not use, {@link #CONTAINER_PATHS}. Its OpenAPI document is switched off in the pre-boot
 * commands, but the Jersey application behind it still answers {@code /openapi/application.wadl},
 * which names the Jersey version.
 */
public class CanonicalPathFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** What a path segment may hold: RFC 3986 unreserved and sub-delimiters, less ';', and ':@'. */
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()*+,=:@-]*");

  /** Payara's endpoints inside the application, which the site does not use. */
  public static final List<String> CONTAINER_PATHS = List.of("/openapi");

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!isCanonical(Routes.path(req))) {
      res.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    if (isContainerPath(Routes.path(req))) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    chain.doFilter(req, res);
  }

  /** Whether a path is one of Payara's own endpoints, {@link #CONTAINER_PATHS}, or below one. */
  public static boolean isContainerPath(String path) {
    return CONTAINER_PATHS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
  }

  /**
   * Whether a request path (inside the application, as sent, not decoded) is in the one form the
   * container and the filters read alike.
   */
  public static boolean isCanonical(String path) {
    if (path == null || !path.startsWith("/")) {
      return false;
    }
    if (path.equals("/")) {
      return true;
    }
    String[] segments = path.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if ((segment.isEmpty() && !last)
          || segment.equals(".")
          || segment.equals("..")
          || !SEGMENT.matcher(segment).matches()) {
        return false;
      }
    }
    return true;
  }
}
