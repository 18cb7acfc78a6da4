package org.aasr.web.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.MalformedURLException;
import java.util.Optional;

/** Serves the clean URLs of {@link Routes} by forwarding to their views; registered in web.xml. */
public class SiteRoutingFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = Routes.path(req);
    Optional<String> view = Routes.resolve(path, this::viewExists);
    if (view.isPresent()) {
      req.getRequestDispatcher(view.get()).forward(req, res);
    } else {
      chain.doFilter(req, res);
    }
  }

  private boolean viewExists(String view) {
    try {
      return getServletContext().getResource(view) != null;
    } catch (MalformedURLException e) {
      return false;
    }
  }
}
