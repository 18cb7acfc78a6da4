package org.aasr.web.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.aasr.web.testing.MovingClock;
import org.junit.jupiter.api.Test;

class PublicFormLimitTest {

  private final MovingClock clock = new MovingClock(Instant.parse("2026-12-02T10:00:00Z"));

  private final PublicFormLimit limit = new PublicFormLimit(3, clock);

  @Test
  void aNetworkSendsAFormAsOftenAsAllowedInAnHourThenWaits() {
    for (int i = 0; i < 3; i++) {
      assertTrue(limit.take("/volunteer-sign-up", "198.51.100.1").isPresent(), "post " + i);
      clock.advance(Duration.ofMinutes(10));
    }
    assertFalse(limit.take("/volunteer-sign-up", "198.51.100.1").isPresent());

    clock.advance(Duration.ofMinutes(30).plusSeconds(1)); // the first post is over an hour old
    assertTrue(limit.take("/volunteer-sign-up", "198.51.100.1").isPresent());
    assertFalse(limit.take("/volunteer-sign-up", "198.51.100.1").isPresent());
  }

  @Test
  void eachFormAndEachNetworkCountsOnItsOwn() {
    for (int i = 0; i < 3; i++) {
      limit.take("/volunteer-sign-up", "198.51.100.1");
    }
    assertFalse(limit.take("/volunteer-sign-up", "198.51.100.1").isPresent());
    assertTrue(limit.take("/volunteer-link", "198.51.100.1").isPresent());
    assertTrue(limit.take("/volunteer-sign-up", "198.51.100.2").isPresent());
  }

  @Test
  void aRefusedFormGivesItsSlotBack() {
    for (int i = 0; i < 10; i++) {
      Optional<PublicFormLimit.Slot> slot = limit.take("/volunteer-sign-up", "198.51.100.1");
      assertTrue(slot.isPresent(), "a field to correct, try " + i);
      slot.get().giveBack();
    }
    for (int i = 0; i < 3; i++) {
      assertTrue(limit.take("/volunteer-sign-up", "198.51.100.1").isPresent());
    }
    assertFalse(limit.take("/volunteer-sign-up", "198.51.100.1").isPresent());
  }

  @Test
  void oneIpv6Slash56IsOneNetwork() {
    for (int i = 1; i <= 3; i++) {
      assertTrue(limit.take("/volunteer-sign-up", "2001:db8:1:" + i + "::1").isPresent());
    }
    assertFalse(limit.take("/volunteer-sign-up", "2001:db8:1:ff:ffff:ffff:ffff:ffff").isPresent());
    assertTrue(limit.take("/volunteer-sign-up", "2001:db8:1:100::1").isPresent());

    assertEquals(
        PublicFormLimit.network("2001:0db8:0001:0002:0000:0000:0000:0001"),
        PublicFormLimit.network("2001:db8:1:ab::abcd"));
    assertNotEquals(
        PublicFormLimit.network("2001:db8:1:2::1"), PublicFormLimit.network("2001:db8:1:102::1"));
    assertEquals("192.0.2.7", PublicFormLimit.network("192.0.2.7"));
    assertEquals("unknown", PublicFormLimit.network(null));
  }

  @Test
  void postsSentAtTheSameMomentCannotAllPass() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      AtomicInteger passed = new AtomicInteger();
      List<Future<?>> posts = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        posts.add(
            pool.submit(
                () -> {
                  if (limit.take("/volunteer-sign-up", "198.51.100.9").isPresent()) {
                    passed.incrementAndGet();
                  }
                }));
      }
      for (Future<?> post : posts) {
        post.get();
      }
      assertEquals(3, passed.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void expiredNetworksAreForgottenAsTheCountGrows() {
    for (int i = 0; i <= PublicFormLimit.SWEEP_ABOVE; i++) {
      limit.take(
          "/volunteer-sign-up", "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
    }
    clock.advance(Duration.ofHours(2));
    limit.take("/volunteer-sign-up", "198.51.100.1");
    assertEquals(1, limit.networksCounted());
  }

  @Test
  void aFloodFromVeryManyNetworksMakesTheCountsStartAgainRatherThanCloseTheForms() {
    for (int i = 0; i < 3; i++) {
      limit.take("/volunteer-sign-up", "198.51.100.1");
    }
    assertFalse(limit.take("/volunteer-sign-up", "198.51.100.1").isPresent());
    for (int i = 0; i <= PublicFormLimit.MAX_NETWORKS; i++) {
      limit.take(
          "/volunteer-link", "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
    }
    assertTrue(limit.networksCounted() > PublicFormLimit.MAX_NETWORKS, "swept once a minute");

    clock.advance(Duration.ofMinutes(1));
    assertTrue(limit.take("/volunteer-sign-up", "203.0.113.9").isPresent(), "a newcomer");
    assertEquals(1, limit.networksCounted());
    assertTrue(limit.take("/volunteer-sign-up", "198.51.100.1").isPresent());
  }

  @Test
  void aLimitBelowOneFallsBackToTheDefault() {
    assertEquals(PublicFormLimit.DEFAULT_PER_HOUR, new PublicFormLimit(0, clock).perHour());
  }
}
