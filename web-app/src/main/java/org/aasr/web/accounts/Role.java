package org.aasr.web.accounts;

/**
 * The staff roles, each the least that a job needs; a person may hold several. This enum is the one
 * place they are spelled: the security role names the container knows are declared from it at
 * start-up, the console's areas ({@code ConsoleArea}) say which of them reach which pages, and the
 * database stores their names.
 */
public enum Role {
  /** Everything, including staff accounts and the audit log. */
  ADMIN("Administrator"),
  /** Stories, pages and categories (later: story submissions). */
  EDITOR("Editor"),
  /** Fundraisers and donations. */
  FUNDRAISING("Fundraising"),
  /** Volunteers, opportunities and shifts. */
  VOLUNTEER_COORDINATOR("Volunteer coordinator");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  /** The role's name as staff read it. */
  public String label() {
    return label;
  }

  public String getLabel() {
    return label;
  }
}
