package org.aasr.web.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Arrays;
import org.aasr.web.accounts.Role;

/**
 * Declares the staff roles to the container from {@link Role}, so that no annotation or descriptor
 * spells them a second time. Payara maps each account's groups (the roles the identity store hands
 * back) to the roles of the same name.
 */
@WebListener
public class SecurityRoles implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    event
        .getServletContext()
        .declareRoles(Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new));
  }
}
