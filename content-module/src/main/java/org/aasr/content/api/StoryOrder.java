package org.aasr.content.api;

/** What the console's story list can be sorted by. */
public enum StoryOrder {
  TITLE,
  CATEGORY,
  PUBLISH_AT,
  LAST_CHANGED
}
