package org.aasr.donations.internal;

import org.aasr.donations.api.DonationStatus;

/**
 * How a donation is paid: by card through a processor, or pledged and paid offline. The service
 * records the donation first, then asks the gateway where the donor goes next, in the same
 * transaction, so a gateway failure leaves no donation behind.
 */
interface PaymentGateway {

  /** Stored with each donation, e.g. {@code pledge} or {@code stripe}. */
  String name();

  /** The status a new donation starts in. */
  DonationStatus initialStatus();

  /**
   * Starts the payment of a donation just stored.
   *
   * @return the page where the donor pays, or null when there is nothing to pay online
   */
  String begin(Donation donation);
}
