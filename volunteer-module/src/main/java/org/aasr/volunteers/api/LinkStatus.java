package org.aasr.volunteers.api;

/** Where a volunteer's private link stands. */
public enum LinkStatus {
  /** The link works: it opens the volunteer's page. */
  OPEN,
  /** The link was revoked (by the volunteer, or replaced by a newer one): it opens nothing now. */
  REVOKED,
  /**
   * No such link exists: mistyped, made up, or its volunteer was erased (erasure deletes their
   * links).
   */
  UNKNOWN
}
