package org.aasr.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.aasr.web.accounts.AccountService;
import org.aasr.web.accounts.SignInThrottle;
import org.aasr.web.audit.ConsoleAction;
import org.aasr.web.audit.RepeatedRefusals;
import org.aasr.web.client.ClientAddress;
import org.aasr.web.security.AccountSessionFilter;
import org.aasr.web.security.AdminSecurity;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The sign-in form at {@code /admin/login}.
 *
 * <p>Every refusal gets the same message, which does not say whether the account exists, and costs
 * the one who tried a second; repeated failures lock the account (see {@link AccountService}) and
 * then the address (see {@link SignInThrottle}). A successful sign-in gets a new session id, so
 * that a session id planted before cannot be used after, and is taken to the console page they had
 * asked for (the form's {@code continue} parameter, checked by {@link
 * AdminSecurity#continueTarget}) or to the dashboard.
 */
@Named
@RequestScoped
public class LoginView {

  static final String REFUSED =
      "That email address and password did not sign you in. Check them and try again. After"
          + " several failed tries, signing in to an account is paused for 15 minutes.";
  static final String TOO_MANY =
      "There have been too many failed sign-ins from your network. Please wait 15 minutes and"
          + " try again.";

  private static final long FAILURE_DELAY_MS = 1000;

  @Inject SecurityContext security;
  @Inject SignInThrottle throttle;
  @Inject AccountService accounts;
  @Inject RepeatedRefusals refusals;

  @NotBlank(message = "Enter your email address.")
  @Size(max = 254, message = "An email address has at most 254 characters.")
  private String email;

  @NotBlank(message = "Enter your password.")
  @Size(max = 128, message = "A password has at most 128 characters.")
  private String password;

  public void signIn() throws InterruptedException {
    HttpServletRequest request = Faces.getRequest();
    HttpServletResponse response = Faces.getResponse();
    String address = ClientAddress.of(request);
    Optional<SignInThrottle.Attempt> attempt = throttle.begin(address);
    if (attempt.isEmpty()) {
      refusals.record(
          address,
          ConsoleAction.SIGN_IN_PAUSED,
          address,
          "sign-in refused unchecked: too many failed sign-ins from this address");
      Messages.addGlobalError(TOO_MANY);
      return;
    }
    AuthenticationStatus status =
        security.authenticate(
            request,
            response,
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(email.trim(), new Password(password))));
    switch (status) {
      case SUCCESS, SEND_CONTINUE -> {
        attempt.get().succeeded();
        signedIn(request, status);
      }
      default -> {
        Thread.sleep(FAILURE_DELAY_MS);
        password = null;
        Messages.addGlobalError(REFUSED);
      }
    }
  }

  private void signedIn(HttpServletRequest request, AuthenticationStatus status) {
    request.changeSessionId();
    AccountSessionFilter.remember(request.getSession(), accounts.credentialVersion(email), true);
    accounts
        .account(email)
        .filter(a -> a.mustChangePassword())
        .ifPresent(
            a ->
                request
                    .getSession()
                    .setAttribute(AdminSecurity.MUST_CHANGE_PASSWORD, Boolean.TRUE));
    if (status == AuthenticationStatus.SUCCESS) {
      String target = AdminSecurity.continueTarget(Faces.getRequestParameter("continue"));
      try {
        Faces.getExternalContext().redirect(request.getContextPath() + target);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      Faces.responseComplete(); // the mechanism has answered already
    }
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
