package org.aasr.donations.api;

/**
 * What happens after a donation form is accepted.
 *
 * @param reference the donation's private reference, for its thank-you page
 * @param paymentUrl where to send the donor to pay (the card processor's page), or null when there
 *     is nothing to pay online (a pledge): then the thank-you page is next
 */
public record DonationStarted(String reference, String paymentUrl) {}
