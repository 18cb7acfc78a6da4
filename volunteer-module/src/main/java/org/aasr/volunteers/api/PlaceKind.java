package org.aasr.volunteers.api;

/** Whether an opportunity is done from home or at a place. */
public enum PlaceKind {
  REMOTE("Remote"),
  IN_PERSON("In person");

  private final String label;

  PlaceKind(String label) {
    this.label = label;
  }

  /** As visitors read it. */
  public String label() {
    return label;
  }
}
