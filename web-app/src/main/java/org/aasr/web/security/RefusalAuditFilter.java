package org.aasr.web.security;

import jakarta.faces.application.ViewExpiredException;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aasr.web.audit.ConsoleAction;
import org.aasr.web.audit.RepeatedRefusals;
import org.aasr.web.client.ClientAddress;
import org.aasr.web.site.ErrorPageView;

/**
 * Puts refusals in the audit log as their error page is shown (registered in web.xml for the ERROR
 * dispatch): a page refused with 403, by {@link ConsoleAccessFilter} or by the container, and a
 * form posted from an expired page or with forged view state. Repeats are gathered by {@link
 * RepeatedRefusals}, so that nobody can flood the log by repeating them.
 */
public class RefusalAuditFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(RefusalAuditFilter.class.getName());

  @Inject transient RepeatedRefusals refusals;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    try {
      Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
      String path = refusedPath(req);
      Principal caller = req.getUserPrincipal();
      String actor = caller != null ? caller.getName() : ClientAddress.of(req);
      if (Boolean.TRUE.equals(req.getAttribute(ErrorPageView.STALE_POST))
          || isExpiredView(req.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
        refusals.record(
            actor,
            ConsoleAction.FORM_REFUSED,
            path,
            "form post refused: its page had expired or its view state was forged");
      } else if (Integer.valueOf(HttpServletResponse.SC_FORBIDDEN).equals(code)) {
        refusals.record(
            actor, ConsoleAction.ACCESS_REFUSED, path, req.getMethod() + " refused (403)");
      }
    } catch (RuntimeException e) {
      // The visitor still gets their error page when the log cannot be written.
      LOG.log(Level.WARNING, "Could not record a refusal in the audit log", e);
    }
    chain.doFilter(req, res);
  }

  private static String refusedPath(HttpServletRequest req) {
    Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri instanceof String s ? s : req.getRequestURI();
    String context = req.getContextPath();
    return path.startsWith(context) ? path.substring(context.length()) : path;
  }

  private static boolean isExpiredView(Object error) {
    for (Object e = error; e instanceof Throwable t; e = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ViewExpiredException) {
        return true;
      }
    }
    return false;
  }
}
