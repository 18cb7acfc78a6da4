package org.aasr.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.aasr.web.security.Account;
import org.aasr.web.security.AccountService;
import org.aasr.web.security.Role;
import org.omnifaces.util.Faces;

/** Who is signed in to the console, what they may see, and signing out. */
@Named
@RequestScoped
public class AdminSessionView {

  @Inject SecurityContext security;
  @Inject AccountService accounts;

  private Account account;

  /** The signed-in person's account, or null. */
  public Account getAccount() {
    if (account == null) {
      Principal caller = security.getCallerPrincipal();
      account = caller == null ? null : accounts.account(caller.getName()).orElse(null);
    }
    return account;
  }

  /** Whether the signed-in person holds a role (given by name, as in the pages). */
  public boolean has(String role) {
    return security.isCallerInRole(Role.valueOf(role).name());
  }

  public void signOut() throws ServletException {
    HttpServletRequest request = Faces.getRequest();
    Principal caller = security.getCallerPrincipal();
    if (caller != null) {
      accounts.signedOut(caller.getName());
    }
    request.logout();
    Faces.invalidateSession();
    Faces.redirect("admin/login?signed-out=true");
  }
}
