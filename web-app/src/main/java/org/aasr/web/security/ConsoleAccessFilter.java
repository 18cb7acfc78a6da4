package org.aasr.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.aasr.web.accounts.Role;
import org.aasr.web.site.Routes;

/**
 * Refuses (403) a console page to a signed-in staff member whose roles do not reach its {@link
 * ConsoleArea}; registered in web.xml for every request. Signing in itself is required by web.xml's
 * one console constraint and the {@link AdminSecurity} mechanism, before this filter runs.
 */
public class ConsoleAccessFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = Routes.path(req);
    if (Routes.isConsole(path)
        && req.getUserPrincipal() != null
        && !allowed(path, heldRoles(req))) {
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    chain.doFilter(req, res);
  }

  /** Whether someone holding these roles may use the console page at this path. */
  static boolean allowed(String path, Set<Role> held) {
    if (path.equals(AdminSecurity.LOGIN_PAGE) || path.startsWith(AdminSecurity.LOGIN_PAGE + ".")) {
      return true;
    }
    return ConsoleArea.of(path)
        .map(area -> area.allows(held))
        .orElseGet(() -> held.contains(Role.ADMIN));
  }

  private static Set<Role> heldRoles(HttpServletRequest req) {
    Set<Role> held = EnumSet.noneOf(Role.class);
    for (Role role : Role.values()) {
      if (req.isUserInRole(role.name())) {
        held.add(role);
      }
    }
    return held;
  }
}
