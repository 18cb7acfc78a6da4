package org.aasr.donations.api;

import java.time.Instant;

/**
 * One donation as staff see it, donor included: for FUNDRAISING and ADMIN staff only.
 *
 * @param reference its private reference
 * @param createdAt when it was made (or, for an offline gift, the day it was received)
 * @param campaignSlug the fundraiser's address
 * @param campaignName the fundraiser's name
 * @param donorName the donor's name (also for an anonymous gift: staff need it for the receipt)
 * @param donorEmail the donor's email address, lower-cased, or null
 * @param anonymous whether the donor asked not to be named publicly
 * @param amount the gift
 * @param fee the processing fee the donor covered
 * @param frequency one-time or monthly
 * @param status where it stands
 * @param method how it is paid: {@code pledge}, {@code stripe}, or an offline gift's way
 * @param dedication the dedication in words, or empty
 * @param receiptNumber the receipt number once confirmed, or null
 * @param confirmedAt when it was confirmed, or null
 * @param stoppedAt when its monthly gift was stopped (by the donor's link, or at Stripe), or null
 */
public record DonationRow(
    String reference,
    Instant createdAt,
    String campaignSlug,
    String campaignName,
    String donorName,
    String donorEmail,
    boolean anonymous,
    Money amount,
    Money fee,
    Frequency frequency,
    DonationStatus status,
    String method,
    String dedication,
    String receiptNumber,
    Instant confirmedAt,
    Instant stoppedAt) {

  /** "Monthly", "Monthly, stopped" or "One-time", for tables and files. */
  public String frequencyText() {
    return frequency.label() + (stoppedAt == null ? "" : ", stopped");
  }
}
