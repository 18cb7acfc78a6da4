package org.aasr.donations.api;

/** How a gift recorded by staff arrived. */
public enum OfflineMethod {
  CHEQUE("Cheque"),
  CASH("Cash"),
  BANK_TRANSFER("Bank transfer");

  private final String label;

  OfflineMethod(String label) {
    this.label = label;
  }

  /** As staff read it. */
  public String label() {
    return label;
  }
}
