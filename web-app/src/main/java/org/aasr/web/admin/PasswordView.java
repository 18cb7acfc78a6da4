package org.aasr.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.aasr.web.accounts.AccountService;
import org.aasr.web.security.AccountSessionFilter;
import org.aasr.web.security.AdminSecurity;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** Changing one's own password, at {@code /admin/password}; required after a one-time password. */
@Named
@RequestScoped
public class PasswordView {

  @Inject SecurityContext security;
  @Inject AccountService accounts;

  @NotBlank(message = "Enter your current password.")
  @Size(max = 128, message = "A password has at most 128 characters.")
  private String currentPassword;

  @NotBlank(message = "Choose a new password.")
  @Size(
      min = AccountService.MIN_PASSWORD_LENGTH,
      max = 128,
      message = "Choose a password of 12 to 128 characters.")
  private String newPassword;

  @NotBlank(message = "Type the new password again.")
  private String confirmation;

  public boolean isRequired() {
    return Boolean.TRUE.equals(Faces.getSessionAttribute(AdminSecurity.MUST_CHANGE_PASSWORD));
  }

  public void change() {
    String email = security.getCallerPrincipal().getName();
    if (!newPassword.equals(confirmation)) {
      Messages.addError("password-form:confirmation", "The two new passwords are not the same.");
      return;
    }
    if (newPassword.equals(currentPassword)) {
      Messages.addError("password-form:new-password", "Choose a password you have not used here.");
      return;
    }
    if (newPassword.equalsIgnoreCase(email)) {
      Messages.addError(
          "password-form:new-password", "Your password cannot be your email address.");
      return;
    }
    try {
      if (!accounts.changePassword(email, currentPassword, newPassword)) {
        Messages.addError("password-form:current-password", "That is not your current password.");
        return;
      }
    } catch (IllegalArgumentException weak) {
      Messages.addError("password-form:new-password", weak.getMessage());
      return;
    }
    // This session goes on; every other session of the account ends at its next request.
    AccountSessionFilter.remember(Faces.getSession(), accounts.credentialVersion(email), false);
    Faces.removeSessionAttribute(AdminSecurity.MUST_CHANGE_PASSWORD);
    Messages.addFlashGlobalInfo("Your password has been changed.");
    Faces.redirect("admin");
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
