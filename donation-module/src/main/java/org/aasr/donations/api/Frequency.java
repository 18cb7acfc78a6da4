package org.aasr.donations.api;

/** How often a gift is given. */
public enum Frequency {
  /** Once. */
  ONE_TIME("One-time"),
  /** Every month until the donor cancels. */
  MONTHLY("Monthly");

  private final String label;

  Frequency(String label) {
    this.label = label;
  }

  /** As a donor reads it. */
  public String label() {
    return label;
  }
}
