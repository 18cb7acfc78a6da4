package org.aasr.donations.api;

import java.util.Optional;

/**
 * A monthly donor's private link, sent in each receipt of a monthly gift: the page it opens shows
 * the gift and stops it. The link's token is the only key (no account, no session); only its
 * SHA-256 is stored, and a used token opens nothing.
 */
public interface MonthlyGifts {

  /** The monthly gift a link's token stops, or empty for a made-up, mistyped or used one. */
  Optional<MonthlyGift> find(String token);

  /**
   * Stops the monthly gift: the processor's subscription is cancelled for a card gift, a pledge is
   * marked cancelled; the donor gets an email saying so and the change is audited. Months already
   * given stay counted.
   */
  CancelOutcome cancel(String token);

  /** What came of a request to stop a monthly gift. */
  enum CancelOutcome {
    /** Stopped; the link is used up. */
    CANCELLED,
    /** No gift has this token (made up, mistyped, or already used): nothing changed. */
    UNKNOWN,
    /** The card processor could not be reached or refused: nothing changed; try again later. */
    PROCESSOR_UNAVAILABLE
  }
}
