package org.aasr.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** When a signed-in console session must end. */
class AccountSessionFilterTest {

  private static final Instant SIGNED_IN = Instant.parse("2026-11-29T08:00:00Z");

  @Test
  void aSessionGoesOnWhileItsAccountIsUnchangedAndYoungerThanTwelveHours() {
    assertEquals(
        Optional.empty(),
        AccountSessionFilter.whyEnded(
            3, SIGNED_IN, OptionalInt.of(3), SIGNED_IN.plus(Duration.ofHours(12)).minusSeconds(1)));
  }

  @Test
  void aSessionEndsTwelveHoursAfterSignInHoweverBusy() {
    assertTrue(
        AccountSessionFilter.whyEnded(
                3, SIGNED_IN, OptionalInt.of(3), SIGNED_IN.plus(AccountSessionFilter.LIFETIME))
            .orElseThrow()
            .contains("older than 12 hours"));
  }

  @Test
  void aSessionEndsWhenItsAccountChangedOrWasDeactivated() {
    assertTrue(
        AccountSessionFilter.whyEnded(3, SIGNED_IN, OptionalInt.of(4), SIGNED_IN).isPresent());
    assertTrue(
        AccountSessionFilter.whyEnded(3, SIGNED_IN, OptionalInt.empty(), SIGNED_IN).isPresent());
  }

  @Test
  void aSessionWithoutTheSignInStampsEnds() {
    assertTrue(AccountSessionFilter.whyEnded(null, null, OptionalInt.of(0), SIGNED_IN).isPresent());
  }
}
