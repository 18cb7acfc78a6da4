package org.aasr.volunteers.api;

/**
 * The lived experience a volunteer may choose to tell us about (optional, never required): it helps
 * the coordinator find people for sharing stories and for testimony.
 */
public enum LivedExperience {
  PARENT_OR_GUARDIAN("Parent or guardian"),
  SURVIVOR("Survivor of restraint or seclusion"),
  EDUCATOR("Educator"),
  OTHER("Other");

  private final String label;

  LivedExperience(String label) {
    this.label = label;
  }

  /** The experience as the form and the console show it. */
  public String label() {
    return label;
  }
}
