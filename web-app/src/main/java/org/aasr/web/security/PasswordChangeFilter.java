package org.aasr.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.aasr.web.site.Routes;

/**
 * Sends someone who signed in with a one-time password to choose a new one before any other console
 * page; registered in web.xml for {@code /admin/*}.
 */
public class PasswordChangeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpSession session = req.getSession(false);
    String path = Routes.path(req);
    boolean mustChange =
        session != null
            && Boolean.TRUE.equals(session.getAttribute(AdminSecurity.MUST_CHANGE_PASSWORD));
    if (mustChange && !path.startsWith("/admin/password") && !path.startsWith("/admin/login")) {
      res.sendRedirect(req.getContextPath() + "/admin/password");
      return;
    }
    chain.doFilter(req, res);
  }
}
