package org.aasr.web.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing from one network address, whatever accounts it tries: after {@value
 * #MAX_FAILURES} failed sign-ins within {@link #WINDOW} the address is refused until the oldest of
 * them leaves the window. Accounts have their own lock (see {@link AccountService}).
 *
 * <p>Kept in memory, per instance: in a cluster, each instance counts on its own, so an address
 * gets at most that many tries per instance. Addresses with no recent failure are forgotten.
 */
@ApplicationScoped
public class SignInThrottle {

  /** Failed sign-ins from one address allowed within {@link #WINDOW}. */
  public static final int MAX_FAILURES = 20;

  /** The window over which failures count. */
  public static final Duration WINDOW = Duration.ofMinutes(15);

  private static final int MAX_ADDRESSES = 100_000;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  public SignInThrottle() {
    this(Clock.systemUTC());
  }

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Whether an address may try to sign in now. */
  public boolean allows(String address) {
    Deque<Instant> recent = failures.get(address);
    if (recent == null) {
      return true;
    }
    synchronized (recent) {
      prune(recent);
      return recent.size() < MAX_FAILURES;
    }
  }

  /** Counts a failed sign-in from an address. */
  public void failed(String address) {
    if (failures.size() >= MAX_ADDRESSES) {
      failures.values().removeIf(this::pruneToEmpty);
    }
    Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (recent) {
      prune(recent);
      recent.addLast(clock.instant());
    }
  }

  private boolean pruneToEmpty(Deque<Instant> recent) {
    synchronized (recent) {
      prune(recent);
      return recent.isEmpty();
    }
  }

  private void prune(Deque<Instant> recent) {
    Instant cutoff = clock.instant().minus(WINDOW);
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
      recent.removeFirst();
    }
  }
}
