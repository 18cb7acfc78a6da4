package org.aasr.volunteers.api;

/**
 * Where a volunteer is in the coordinator's pipeline: new, contacted, active, then inactive; or
 * declined at any point.
 */
public enum VolunteerStatus {
  NEW("New"),
  CONTACTED("Contacted"),
  ACTIVE("Active"),
  INACTIVE("Inactive"),
  DECLINED("Declined");

  private final String label;

  VolunteerStatus(String label) {
    this.label = label;
  }

  /** The status as the console shows it. */
  public String label() {
    return label;
  }
}
