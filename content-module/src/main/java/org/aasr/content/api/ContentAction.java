package org.aasr.content.api;

/**
 * What staff can do to content, as the audit log records it. The audit page offers these as its
 * filter, so a new kind of change is added here and nowhere else.
 */
public enum ContentAction {
  STORY_CREATED("story", "Story created"),
  STORY_UPDATED("story", "Story changed"),
  STORY_DELETED("story", "Story deleted"),
  PAGE_CREATED("page", "Page created"),
  PAGE_UPDATED("page", "Page changed"),
  CATEGORY_CREATED("category", "Category created"),
  CATEGORY_UPDATED("category", "Category changed"),
  CATEGORY_DELETED("category", "Category deleted");

  private final String subjectType;
  private final String label;

  ContentAction(String subjectType, String label) {
    this.subjectType = subjectType;
    this.label = label;
  }

  /** The kind of content acted on: {@code story}, {@code page} or {@code category}. */
  public String subjectType() {
    return subjectType;
  }

  /** The action as staff read it in the audit log's filter. */
  public String label() {
    return label;
  }
}
