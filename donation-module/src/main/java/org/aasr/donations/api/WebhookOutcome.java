package org.aasr.donations.api;

/** What became of a payment processor's notification, for the HTTP answer to it. */
public enum WebhookOutcome {
  /** Verified and applied: answer 200. */
  PROCESSED,
  /** Verified, already applied before (a retry or a duplicate): answer 200, nothing changed. */
  DUPLICATE,
  /** Verified, but of a kind or about a payment this site does not handle: answer 200. */
  IGNORED,
  /**
   * Missing, forged or stale signature, or not a notification at all: answer 400, nothing changed.
   */
  REFUSED,
  /** No processor is set up on this site: answer 404. */
  NOT_CONFIGURED
}
