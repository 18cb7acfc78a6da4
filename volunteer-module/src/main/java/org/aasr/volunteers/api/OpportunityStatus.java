package org.aasr.volunteers.api;

/** Whether visitors see an opportunity: only OPEN ones are public. */
public enum OpportunityStatus {
  /** Being written or reviewed by staff; never shown to visitors. */
  DRAFT,
  /** Shown to visitors, who may sign up and book its shifts. */
  OPEN,
  /** No longer offered; kept for the record and the hours logged against it. */
  CLOSED
}
