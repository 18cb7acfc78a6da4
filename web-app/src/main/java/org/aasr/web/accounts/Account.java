package org.aasr.web.accounts;

import java.util.Set;

/**
 * A staff account as the console shows it: never its password hash.
 *
 * @param email the sign-in name, lower-case
 * @param displayName how the console greets and credits the person
 * @param roles what the person may do
 * @param active false once deactivated: such an account cannot sign in
 * @param mustChangePassword true while the password is a one-time or reset password
 */
public record Account(
    String email, String displayName, Set<Role> roles, boolean active, boolean mustChangePassword) {

  public Account {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
