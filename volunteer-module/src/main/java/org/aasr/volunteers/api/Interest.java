package org.aasr.volunteers.api;

/** What a volunteer would like to help with, as the sign-up form offers it. */
public enum Interest {
  EVENTS("Helping at events"),
  SHARING_STORIES("Sharing stories"),
  ADVOCACY("Advocacy with lawmakers and school boards"),
  OUTREACH("Spreading the word online and in the community"),
  FUNDRAISING("Fundraising"),
  RESEARCH("Research and office help");

  private final String label;

  Interest(String label) {
    this.label = label;
  }

  /** The interest as the form and the console show it. */
  public String label() {
    return label;
  }
}
