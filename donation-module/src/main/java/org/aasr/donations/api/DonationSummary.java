package org.aasr.donations.api;

import java.time.Instant;

/**
 * One donation as its donor sees it on the thank-you page.
 *
 * @param reference its private reference
 * @param campaignName the fundraiser it went to
 * @param amount the gift
 * @param fee the processing fee the donor chose to add (zero when not)
 * @param total what the donor pays: gift plus fee
 * @param frequency one-time or monthly
 * @param status where it stands (a card gift is confirmed only by the processor's signed message)
 * @param dedication the dedication in words ("In memory of Ann"), or empty
 * @param pledgeInstructions how to send a pledged gift, as staff wrote it
 * @param receiptNumber its receipt number once confirmed, or null
 * @param createdAt when it was made
 */
public record DonationSummary(
    String reference,
    String campaignName,
    Money amount,
    Money fee,
    Money total,
    Frequency frequency,
    DonationStatus status,
    String dedication,
    String pledgeInstructions,
    String receiptNumber,
    Instant createdAt) {}
