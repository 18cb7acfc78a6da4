package org.aasr.donations.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the donation settings once, at the first gift or page that needs them. */
@ApplicationScoped
class SettingsProducer {

  @Produces
  @Singleton
  DonationSettings settings() {
    return DonationSettings.from(ConfigProvider.getConfig());
  }
}
