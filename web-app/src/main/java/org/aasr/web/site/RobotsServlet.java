package org.aasr.web.site;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.aasr.web.config.SiteSettings;

/**
 * {@code /robots.txt}: crawlers may read the public site, not the admin console, and learn where
 * the sitemap is (which must be an absolute URL, hence a servlet rather than a static file).
 */
@WebServlet("/robots.txt")
public class RobotsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject SiteSettings settings;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.setContentType("text/plain");
    res.setCharacterEncoding("UTF-8");
    res.getWriter()
        .append("User-agent: *\n")
        .append("Disallow: /admin\n")
        .append("Allow: /\n")
        .append("\n")
        .append("Sitemap: ")
        .append(settings.baseUrl(req))
        .append("/sitemap.xml\n");
  }
}
