package org.aasr.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.aasr.web.site.Routes;

/**
 * How staff sign in (Jakarta Security): the form at {@code /admin/login} hands the email address
 * and password to {@code SecurityContext.authenticate}, which this mechanism checks with {@link
 * AdminIdentityStore}; the session then remembers who signed in. Which roles reach which pages is
 * {@link ConsoleArea}'s table, enforced by {@link ConsoleAccessFilter}.
 *
 * <p>Someone who asks for a console page without being signed in is sent to the form with the page
 * they asked for in its {@code continue} parameter, so that signing in takes them there (see {@link
 * #continueTarget}).
 */
@AutoApplySession
@ApplicationScoped
public class AdminSecurity implements HttpAuthenticationMechanism {

  /** The session attribute that sends a person to choose a new password before anything else. */
  public static final String MUST_CHANGE_PASSWORD = "aasr.mustChangePassword";

  /** The sign-in form, relative to the context path. */
  public static final String LOGIN_PAGE = "/admin/login";

  /** A console page's path (plain names only) and an optional query of URL-safe characters. */
  private static final Pattern CONSOLE_PAGE =
      Pattern.compile("/admin/[A-Za-z0-9/_-]*(\\?[A-Za-z0-9=&%._~+-]*)?");

  @Inject IdentityStoreHandler identityStores;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (context.isAuthenticationRequest() && credential != null) {
      return context.notifyContainerAboutLogin(identityStores.validate(credential));
    }
    if (context.isProtected()) {
      String asked = Routes.path(request);
      if (request.getQueryString() != null && "GET".equals(request.getMethod())) {
        asked += "?" + request.getQueryString();
      }
      return context.redirect(
          request.getContextPath()
              + LOGIN_PAGE
              + "?continue="
              + URLEncoder.encode(asked, StandardCharsets.UTF_8));
    }
    return context.doNothing();
  }

  /**
   * Where to go after signing in, given the form's {@code continue} parameter: the console page it
   * names (relative to the context path), or the dashboard when it names none, names the form
   * itself or could lead anywhere else (another site, another part of this one).
   */
  public static String continueTarget(String asked) {
    if (asked == null
        || !CONSOLE_PAGE.matcher(asked).matches()
        || asked.contains("//")
        || asked.startsWith(LOGIN_PAGE)) {
      return "/admin/";
    }
    return asked;
  }
}
