package org.aasr.donations.api;

/** Whom a gift honours, if anyone. */
public enum Dedication {
  /** No dedication. */
  NONE(""),
  /** In honour of a living person. */
  HONOUR("In honour of"),
  /** In memory of someone who has died. */
  MEMORY("In memory of");

  private final String label;

  Dedication(String label) {
    this.label = label;
  }

  /** The words before the person's name, e.g. "In memory of". */
  public String label() {
    return label;
  }
}
