package org.aasr.web.security;

/**
 * The staff roles, each the least that a job needs. A person may hold several.
 *
 * <p>The names are the security role names used in web.xml and {@code @RolesAllowed}.
 */
public enum Role {
  /** Everything, including staff accounts. */
  ADMIN("Administrator"),
  /** Stories, pages and story submissions. */
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
