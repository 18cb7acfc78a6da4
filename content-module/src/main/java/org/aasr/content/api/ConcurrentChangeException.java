package org.aasr.content.api;

/**
 * Someone else saved the same content after it was opened: saving would silently overwrite their
 * work, so nothing was saved.
 */
public class ConcurrentChangeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConcurrentChangeException(String message) {
    super(message);
  }
}
