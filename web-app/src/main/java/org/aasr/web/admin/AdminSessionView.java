package org.aasr.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import org.aasr.web.accounts.Account;
import org.aasr.web.accounts.AccountService;
import org.aasr.web.security.ConsoleArea;
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

  /** The console's areas the signed-in person may use that the menu lists, in menu order. */
  public List<ConsoleArea> getMenu() {
    Account signedIn = getAccount();
    if (signedIn == null) {
      return List.of();
    }
    return Arrays.stream(ConsoleArea.values())
        .filter(area -> area.getMenuLabel() != null && area.allows(signedIn.roles()))
        .toList();
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
