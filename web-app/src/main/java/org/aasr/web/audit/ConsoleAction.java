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
  ROLES_CHANGED("Roles changed"),
  /** A signed-in session ended by the console: the account changed, or the session grew too old. */
  SESSION_ENDED("Session ended"),
  /** Sign-ins from an address refused unchecked while it is paused (repeats aggregated). */
  SIGN_IN_PAUSED("Sign-in refused: address paused", "address"),
  /** A console page refused (403) to whoever asked (repeats aggregated). */
  ACCESS_REFUSED("Page refused", "path"),
  /** A form posted from an expired page or with forged view state (repeats aggregated). */
  FORM_REFUSED("Expired or forged form refused", "path"),
  /** A public form sent too often from one network in an hour (repeats aggregated). */
  FORM_LIMITED("Public form refused: sent too often", "path"),
  /** Donations downloaded as CSV (donors' names and addresses leave the console). */
  DONATIONS_EXPORTED("Donations exported (CSV)", "donations");

  /** The kind of record most console actions are about. */
  public static final String SUBJECT_TYPE = "account";

  private final String label;
  private final String subjectType;

  ConsoleAction(String label) {
    this(label, SUBJECT_TYPE);
  }

  ConsoleAction(String label, String subjectType) {
    this.label = label;
    this.subjectType = subjectType;
  }

  /** What the subject of an entry is: an account, a path, a network address. */
  public String subjectType() {
    return subjectType;
  }

  /** The action as staff read it in the audit log's filter. */
  public String label() {
    return label;
  }
}
