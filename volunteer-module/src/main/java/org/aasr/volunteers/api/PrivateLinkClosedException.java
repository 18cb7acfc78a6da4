package org.aasr.volunteers.api;

/**
 * The private link used for an action does not work (revoked, made up, or its volunteer erased);
 * nothing was changed.
 */
public class PrivateLinkClosedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final LinkStatus status;

  /**
   * @param status why the link does not work: {@link LinkStatus#REVOKED} or {@link
   *     LinkStatus#UNKNOWN}
   */
  public PrivateLinkClosedException(LinkStatus status) {
    super("The private link does not work: " + status);
    this.status = status;
  }

  /** Why the link does not work. */
  public LinkStatus status() {
    return status;
  }
}
