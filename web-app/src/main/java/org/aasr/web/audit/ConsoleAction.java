package org.aasr.web.audit;

/**
 * What the console itself records in the audit log: sign-ins and staff accounts. Each feature
 * module records its own changes with its own action type (such as the content module's {@code
 * ContentAction}); {@link AuditLog#actions()} offers them all to the audit page's filter.
 */
public enum ConsoleAction {
  SIGNED_IN("Signed in"),
  SIGN_IN_REFUSED("Sign-in refused"),
  SIGNED_OUT("Signed out"),
  PASSWORD_CHANGED("Password changed"),
  PASSWORD_CHANGE_REFUSED("Password change refused"),
  PASSWORD_RESET("One-time password issued"),
  ACCOUNT_CREATED("Account created"),
  ACCOUNT_DEACTIVATED("Account deactivated"),
  ACCOUNT_REACTIVATED("Account reactivated"),
  ROLES_CHANGED("Roles changed");

  /** The kind of record every console action is about. */
  public static final String SUBJECT_TYPE = "account";

  private final String label;

  ConsoleAction(String label) {
    this.label = label;
  }

  /** The action as staff read it in the audit log's filter. */
  public String label() {
    return label;
  }
}
