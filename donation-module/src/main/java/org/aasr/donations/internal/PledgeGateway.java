package org.aasr.donations.internal;

import org.aasr.donations.api.DonationStatus;

/**
 * The default gateway, when no card processor is set up: a donation is a pledge, paid by cheque or
 * bank transfer as the fundraiser's instructions say, and staff confirm it when the money arrives.
 * So the one-command run takes gifts with no account anywhere. Chosen by {@link SettingsProducer}.
 */
class PledgeGateway implements PaymentGateway {

  static final String NAME = "pledge";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public DonationStatus initialStatus() {
    return DonationStatus.PLEDGED;
  }

  @Override
  public String begin(Donation donation) {
    return null;
  }
}
