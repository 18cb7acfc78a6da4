package org.aasr.content.api;

/**
 * Where a story stands for visitors at a given moment, as the console's lists show it. A page
 * compares the constant ({@code story.state eq 'SCHEDULED'}) and shows the {@link #label()}, so
 * that rewording a label never changes what a page does.
 */
public enum StoryState {
  /** Not published: only editors see it. */
  DRAFT("Draft"),
  /** Published with a time still to come: it appears by itself then. */
  SCHEDULED("Scheduled"),
  /** Visitors can read it. */
  PUBLISHED("Published");

  private final String label;

  StoryState(String label) {
    this.label = label;
  }

  /** The state as editors read it: "Draft", "Scheduled" or "Published". */
  public String label() {
    return label;
  }
}
