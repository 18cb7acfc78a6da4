package org.aasr.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.aasr.web.accounts.Account;
import org.aasr.web.accounts.AccountService;
import org.aasr.web.accounts.Role;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Staff accounts, at {@code /admin/users} (administrators only): invite someone with a one-time
 * password, change roles, deactivate or reactivate, issue a new one-time password.
 */
@Named
@ViewScoped
public class UsersView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient AccountService accounts;

  private List<Account> all;

  /**
   * Each account's roles as ticked in the table. A typed row object, not a map of lists: through a
   * map, Faces cannot see the element type and stores the ticked boxes as an array, which failed
   * every save of roles with a ClassCastException.
   */
  private final Map<String, RoleChoice> roles = new HashMap<>();

  @NotBlank(message = "Enter the person's email address.")
  @Email(message = "Enter an email address such as name@example.org.")
  @Size(max = 254, message = "An email address has at most 254 characters.")
  private String email;

  @NotBlank(message = "Enter the person's name.")
  @Size(max = 120, message = "A name has at most 120 characters.")
  private String displayName;

  @NotEmpty(message = "Choose at least one role.")
  private List<String> newRoles = new ArrayList<>();

  @PostConstruct
  void load() {
    all = accounts.all();
    roles.clear();
    for (Account a : all) {
      roles.put(
          a.email(),
          new RoleChoice(a.roles().stream().map(Role::name).sorted().collect(Collectors.toList())));
    }
  }

  public void invite() {
    try {
      String oneTime = accounts.invite(email, displayName.trim(), toRoles(newRoles));
      Messages.addFlashGlobalInfo(
          "Account created for {0}. Their one-time password is {1} . Give it to them privately;"
              + " it is shown only now, and they must choose their own at first sign-in.",
          AccountService.normalise(email), oneTime);
      Faces.redirect("admin/users");
    } catch (IllegalArgumentException e) {
      Messages.addError("invite-form:email", e.getMessage());
    }
  }

  public void saveRoles(Account account) {
    RoleChoice choice = roles.get(account.email());
    List<String> chosen = choice == null ? null : choice.getRoles();
    if (chosen == null || chosen.isEmpty()) {
      Messages.addGlobalError(
          "Give {0} at least one role, or deactivate the account.", account.email());
      return;
    }
    try {
      accounts.setRoles(account.email(), toRoles(chosen));
      Messages.addFlashGlobalInfo("Roles of {0} saved.", account.email());
      Faces.redirect("admin/users");
    } catch (IllegalArgumentException e) {
      Messages.addGlobalError(e.getMessage());
    }
  }

  /** The roles ticked for one account. */
  public static final class RoleChoice implements Serializable {
    private static final long serialVersionUID = 1L;
    private List<String> roles;

    RoleChoice(List<String> roles) {
      this.roles = new ArrayList<>(roles);
    }

    public List<String> getRoles() {
      return roles;
    }

    public void setRoles(List<String> roles) {
      this.roles = roles;
    }
  }

  public void toggleActive(Account account) {
    try {
      accounts.setActive(account.email(), !account.active());
      Messages.addFlashGlobalInfo(
          "{0} is now {1}.", account.email(), account.active() ? "deactivated" : "active");
      Faces.redirect("admin/users");
    } catch (IllegalArgumentException e) {
      Messages.addGlobalError(e.getMessage());
    }
  }

  public void resetPassword(Account account) {
    String oneTime = accounts.resetPassword(account.email());
    Messages.addFlashGlobalInfo(
        "New one-time password for {0}: {1} . Give it to them privately; it is shown only now.",
        account.email(), oneTime);
    Faces.redirect("admin/users");
  }

  private static Set<Role> toRoles(List<String> names) {
    Set<Role> set = EnumSet.noneOf(Role.class);
    names.forEach(n -> set.add(Role.valueOf(n)));
    return set;
  }

  public Role[] getAllRoles() {
    return Role.values();
  }

  public List<Account> getAll() {
    return all;
  }

  public Map<String, RoleChoice> getRoles() {
    return roles;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public List<String> getNewRoles() {
    return newRoles;
  }

  public void setNewRoles(List<String> newRoles) {
    this.newRoles = newRoles;
  }
}
