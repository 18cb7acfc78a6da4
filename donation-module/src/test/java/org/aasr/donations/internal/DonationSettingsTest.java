package org.aasr.donations.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Currency;
import org.aasr.donations.api.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DonationSettingsTest {

  private static final Currency USD = Currency.getInstance("USD");

  /** With 2.9 % + $0.30 taken from the whole, gift + fee leaves at least the gift. */
  @ParameterizedTest
  @CsvSource({"5000, 181", "500, 46", "2500, 106", "100000, 3018"})
  void theCoveredFeeLeavesTheWholeGiftAfterTheProcessorsShare(long gift, long fee) {
    DonationSettings settings = DonationSettings.defaults(USD);
    Money covered = settings.coverFee(Money.of(gift, USD));
    assertEquals(fee, covered.minorUnits());
    long gross = gift + fee;
    long processorShare = Math.round(gross * 0.029) + 30; // what the processor keeps, rounded
    assertEquals(true, gross - processorShare >= gift, "the organisation receives the whole gift");
  }
}
