package org.aasr.web.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.aasr.web.testing.MovingClock;
import org.junit.jupiter.api.Test;

/** The per-address limit holds however many attempts arrive at once. */
class SignInThrottleTest {

  private final MovingClock clock = new MovingClock(Instant.parse("2026-11-29T10:00:00Z"));

  private final SignInThrottle throttle = new SignInThrottle(clock);

  @Test
  void fortySimultaneousAttemptsGetTwentyChecks() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(40);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return throttle.begin("203.0.113.9").isPresent();
                }));
      }
      start.countDown();
      int allowed = 0;
      for (Future<Boolean> r : results) {
        allowed += r.get(1, TimeUnit.MINUTES) ? 1 : 0;
      }
      assertEquals(SignInThrottle.MAX_FAILURES, allowed);
    } finally {
      pool.shutdownNow();
    }
    assertFalse(throttle.allows("203.0.113.9"));
    assertTrue(throttle.allows("203.0.113.10"), "another address is not paused");
  }

  @Test
  void aSuccessfulSignInGivesItsSlotBack() {
    for (int i = 0; i < 100; i++) {
      throttle.begin("203.0.113.9").orElseThrow().succeeded();
    }

    assertTrue(throttle.allows("203.0.113.9"));
  }

  @Test
  void aPausedAddressMayTryAgainOnceItsOldestFailureLeavesTheWindow() {
    for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
      throttle.begin("203.0.113.9");
      clock.advance(Duration.ofSeconds(1));
    }
    assertEquals(Optional.empty(), throttle.begin("203.0.113.9").map(a -> a));

    clock.advance(SignInThrottle.WINDOW.minusSeconds(SignInThrottle.MAX_FAILURES).plusSeconds(1));
    assertTrue(throttle.begin("203.0.113.9").isPresent());
  }
}
