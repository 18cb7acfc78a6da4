package org.aasr.web.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing from one network address, whatever accounts it tries: after {@value
 * #MAX_FAILURES} failed sign-ins within {@link #WINDOW} the address is refused until the oldest of
 * them leaves the window. Accounts have their own lock (see {@link AccountService}).
 *
 * <p>An attempt takes its slot <em>before</em> the password is checked ({@link #begin}), in one
 * atomic step with the check of the limit, and gives it back only when it succeeds: forty attempts
 * sent at once get twenty checks, not forty. (Checking the limit first and counting the failure
 * after the slow password check let every simultaneous attempt through.)
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

  /**
   * Each address's attempts in the window, oldest first. Only changed inside the map's per-key
   * {@code compute} functions, which makes each change atomic.
   */
  private final Map<String, Deque<Slot>> slots = new ConcurrentHashMap<>();

  private final Clock clock;

  public SignInThrottle() {
    this(Clock.systemUTC());
  }

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * Takes a slot for a sign-in attempt from an address, or nothing when the address is paused. The
   * slot counts as a failure unless the attempt {@linkplain Attempt#succeeded succeeds}.
   */
  public Optional<Attempt> begin(String address) {
    if (slots.size() >= MAX_ADDRESSES) {
      forgetQuietAddresses();
    }
    Slot[] taken = new Slot[1];
    slots.compute(
        address,
        (key, recent) -> {
          Deque<Slot> deque = recent == null ? new ArrayDeque<>() : recent;
          prune(deque);
          if (deque.size() < MAX_FAILURES) {
            taken[0] = new Slot(clock.instant());
            deque.addLast(taken[0]);
          }
          return deque.isEmpty() ? null : deque;
        });
    return taken[0] == null ? Optional.empty() : Optional.of(new Attempt(address, taken[0]));
  }

  /** Whether an address may try to sign in now (does not take a slot). */
  public boolean allows(String address) {
    boolean[] allowed = {true};
    slots.computeIfPresent(
        address,
        (key, recent) -> {
          prune(recent);
          allowed[0] = recent.size() < MAX_FAILURES;
          return recent.isEmpty() ? null : recent;
        });
    return allowed[0];
  }

  private void forgetQuietAddresses() {
    for (String address : slots.keySet()) {
      slots.computeIfPresent(
          address,
          (key, recent) -> {
            prune(recent);
            return recent.isEmpty() ? null : recent;
          });
    }
  }

  private void prune(Deque<Slot> recent) {
    Instant cutoff = clock.instant().minus(WINDOW);
    while (!recent.isEmpty() && !recent.peekFirst().at.isAfter(cutoff)) {
      recent.removeFirst();
    }
  }

  /** When an attempt began; compared by identity, so that success gives back its own slot. */
  private static final class Slot {
    final Instant at;

    Slot(Instant at) {
      this.at = at;
    }
  }

  /** One sign-in attempt's slot. */
  public final class Attempt {
    private final String address;
    private final Slot slot;

    private Attempt(String address, Slot slot) {
      this.address = address;
      this.slot = slot;
    }

    /** The attempt signed in: its slot is not a failure and is given back. */
    public void succeeded() {
      slots.computeIfPresent(
          address,
          (key, recent) -> {
            recent.removeIf(s -> s == slot);
            return recent.isEmpty() ? null : recent;
          });
    }
  }
}
