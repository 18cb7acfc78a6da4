package org.aasr.content.api;

/** A change that cannot be saved as it is, with the field to fix and a message for the editor. */
public class ContentRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public ContentRejectedException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The form field at fault, e.g. {@code slug}. */
  public String field() {
    return field;
  }
}
