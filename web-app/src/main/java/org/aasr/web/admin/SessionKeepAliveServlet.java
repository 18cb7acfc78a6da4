package org.aasr.web.admin;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /admin/session}: the console's script calls it while a person is at work in a page (a
 * long story, say), so that the 30-minute idle timeout does not sign them out and lose their text.
 * It answers 204 and does nothing else; the session is kept alive by being used. Like every console
 * address it needs a signed-in staff member: otherwise the answer is the redirect to sign in, which
 * tells the script that the session has ended.
 */
@WebServlet("/admin/session")
public class SessionKeepAliveServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) {
    res.setHeader("Cache-Control", "no-store");
    res.setStatus(
        req.getSession(false) != null && req.getUserPrincipal() != null
            ? HttpServletResponse.SC_NO_CONTENT
            : HttpServletResponse.SC_UNAUTHORIZED);
  }
}
