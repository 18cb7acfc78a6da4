package org.aasr.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.aasr.web.accounts.AccountService;

/**
 * Ends a signed-in console session as soon as its account changes, and after {@link #LIFETIME}
 * whatever it does; registered in web.xml for every console request, before the access filter.
 *
 * <p>Jakarta Security keeps the caller and their roles in the session from sign-in on, so without
 * this a deactivated editor, or one whose role was taken away or whose password was reset, kept
 * working until the session timed out. Sign-in stores the account's credential version in the
 * session ({@link #remember}); every console request compares it with the database's, which every
 * instance shares, so the change takes effect at once everywhere. Deactivating, a new one-time
 * password, a password change and a change of roles each change the version; the person who changes
 * their own password keeps the session they did it in (it takes up the new version).
 *
 * <p>A session also ends {@link #LIFETIME} after sign-in, however busy: the keep-alive ({@code POST
 * /admin/session}) only defers the 30-minute idle timeout, never this.
 */
public class AccountSessionFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The longest a console session lasts after sign-in, whatever it does. */
  public static final Duration LIFETIME = Duration.ofHours(12);

  /** The session attribute with the account's credential version at sign-in. */
  static final String CREDENTIAL_VERSION = "aasr.credentialVersion";

  /** The session attribute with the instant of sign-in. */
  static final String SIGNED_IN_AT = "aasr.signedInAt";

  @Inject transient AccountService accounts;

  transient Clock clock = Clock.systemUTC();

  /**
   * Stamps a session at sign-in, or after its holder changed their own password, with the account's
   * current credential version.
   *
   * @param signIn true at sign-in, which starts the {@link #LIFETIME}; false keeps its start
   */
  public static void remember(HttpSession session, OptionalInt version, boolean signIn) {
    if (version.isPresent()) {
      session.setAttribute(CREDENTIAL_VERSION, version.getAsInt());
    } else {
      session.removeAttribute(CREDENTIAL_VERSION);
    }
    if (signIn) {
      session.setAttribute(SIGNED_IN_AT, Instant.now());
    }
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    Principal caller = req.getUserPrincipal();
    HttpSession session = req.getSession(false);
    if (caller != null && session != null) {
      Optional<String> ended =
          whyEnded(
              session.getAttribute(CREDENTIAL_VERSION),
              session.getAttribute(SIGNED_IN_AT),
              accounts.credentialVersion(caller.getName()),
              clock.instant());
      if (ended.isPresent()) {
        accounts.sessionEnded(caller.getName(), ended.get());
        req.logout();
        session.invalidate();
        sendToSignIn(req, res);
        return;
      }
    }
    chain.doFilter(req, res);
  }

  /**
   * Why a session must end, or empty while it may go on.
   *
   * @param remembered the credential version the session was stamped with
   * @param signedInAt when the session signed in
   * @param current the account's credential version now; empty when deactivated or gone
   */
  static Optional<String> whyEnded(
      Object remembered, Object signedInAt, OptionalInt current, Instant now) {
    if (current.isEmpty()) {
      return Optional.of("account deactivated or removed");
    }
    if (!(remembered instanceof Integer version) || version != current.getAsInt()) {
      return Optional.of(
          "account changed (password, roles or status) since this session signed in");
    }
    if (!(signedInAt instanceof Instant at) || !now.isBefore(at.plus(LIFETIME))) {
      return Optional.of("session older than " + LIFETIME.toHours() + " hours");
    }
    return Optional.empty();
  }

  /** To the sign-in form; a PrimeFaces ajax request is told in its own format. */
  private static void sendToSignIn(HttpServletRequest req, HttpServletResponse res)
      throws IOException {
    String target = req.getContextPath() + AdminSecurity.LOGIN_PAGE + "?session-ended=true";
    res.setHeader("Cache-Control", "no-store");
    if ("partial/ajax".equals(req.getHeader("Faces-Request"))) {
      res.setContentType("text/xml;charset=UTF-8");
      res.getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + target
                  + "\"/></partial-response>");
      return;
    }
    res.sendRedirect(target);
  }
}
