package org.aasr.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.aasr.web.config.SiteSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The session cookie, which only staff get (reading the public site creates no session): not
 * readable by scripts (SameSite=Lax comes from Payara's listener, set in the pre-boot commands, as
 * Payara 6 ignores the Servlet 6 cookie attribute API), and sent only over HTTPS when the site is
 * served over HTTPS ({@code AASR_SITE_URL} starts with {@code https:}) or {@code
 * AASR_SECURE_COOKIES=true}.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

  @Inject SiteSettings settings;

  @Inject
  @ConfigProperty(name = "aasr.secure.cookies", defaultValue = "false")
  boolean secureCookies;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
    cookie.setName("AASR_SESSION");
    cookie.setHttpOnly(true);
    cookie.setPath("/");
    cookie.setSecure(secureCookies || settings.isServedOverHttps());
  }
}
