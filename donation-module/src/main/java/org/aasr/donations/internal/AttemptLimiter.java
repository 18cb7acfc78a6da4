package org.aasr.donations.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Limits donation attempts per network address and per email address in a sliding window: card
 * testers try many small gifts quickly, from one place or with one address. A puzzle would stop
 * people too; this stops only bursts.
 *
 * <p>In memory, on purpose: a restart forgets the counts, which costs a tester at most one more
 * window, and the site runs as one instance on embedded Derby. The maps are cleared of expired
 * entries as they grow, so a flood of addresses cannot fill the heap.
 */
@ApplicationScoped
class AttemptLimiter {

  private static final int SWEEP_ABOVE = 10_000;

  private final Map<String, Deque<Attempt>> attempts = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();

  private DonationSettings settings;
  private Clock clock = Clock.systemUTC();

  /** For CDI. */
  AttemptLimiter() {}

  @Inject
  AttemptLimiter(DonationSettings settings) {
    this.settings = settings;
  }

  /** For tests, with their own clock. */
  AttemptLimiter(DonationSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** One form sent at one time; the same form sent again (a double click) is not a new one. */
  private record Attempt(Instant at, String formKey) {}

  /**
   * Counts an attempt and says whether it is within the limits; a refused attempt is counted for
   * the console. A form sent again within the window is the same attempt.
   *
   * @param address the client's network address
   * @param email the email address typed, or null
   * @param formKey the form's key
   */
  boolean tryAttempt(String address, String email, String formKey) {
    Instant now = clock.instant();
    sweepIfLarge(now);
    boolean allowed = record("a:" + address, settings.attemptsPerAddress(), now, formKey);
    if (email != null && !email.isBlank()) {
      allowed &=
          record(
              "e:" + email.strip().toLowerCase(java.util.Locale.ROOT),
              settings.attemptsPerEmail(),
              now,
              formKey);
    }
    if (!allowed) {
      refused.incrementAndGet();
    }
    return allowed;
  }

  /** Counts a refusal decided elsewhere (the honeypot). */
  void countRefusal() {
    refused.incrementAndGet();
  }

  long refused() {
    return refused.get();
  }

  Duration window() {
    return settings.attemptWindow();
  }

  private boolean record(String key, int limit, Instant now, String formKey) {
    Instant oldest = now.minus(settings.attemptWindow());
    boolean[] allowed = new boolean[1];
    attempts.compute(
        key,
        (k, times) -> {
          Deque<Attempt> kept = times == null ? new ArrayDeque<>() : times;
          while (!kept.isEmpty() && !kept.peekFirst().at().isAfter(oldest)) {
            kept.pollFirst();
          }
          if (kept.stream().anyMatch(a -> a.formKey().equals(formKey))) {
            allowed[0] = true;
            return kept;
          }
          allowed[0] = kept.size() < limit;
          if (allowed[0]) {
            kept.addLast(new Attempt(now, formKey));
          }
          return kept;
        });
    return allowed[0];
  }

  private void sweepIfLarge(Instant now) {
    if (attempts.size() > SWEEP_ABOVE) {
      Instant oldest = now.minus(settings.attemptWindow());
      for (String key : attempts.keySet()) {
        attempts.computeIfPresent(
            key,
            (k, times) -> times.isEmpty() || !times.peekLast().at().isAfter(oldest) ? null : times);
      }
    }
  }
}
