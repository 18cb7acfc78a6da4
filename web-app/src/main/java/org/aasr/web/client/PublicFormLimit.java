package org.aasr.web.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many times one network may send a public form that stores something or sends an email (the
 * volunteer sign-up, the private-link request) within an hour: a script posting the sign-up form
 * with made-up addresses would otherwise fill the database and have the site email strangers, and
 * the mail server's reputation would pay for it.
 *
 * <p>Only accepted posts count: a form sent back with a message next to a field takes no slot, so
 * someone who needs several tries to fill it in is never stopped by the limit. A slot is taken
 * before the work and given back when the form is refused, so that posts sent at the same moment
 * cannot all pass.
 *
 * <p>A network is the client's address ({@link ClientAddress}, which believes only the trusted
 * proxies), or for IPv6 its /56 prefix, which one household or one machine usually has whole (a
 * provider hands out a /56 or a /64; counting /64s would give whoever holds a /48 65,536 networks).
 * The counts are in memory: a restart forgets them, which costs a sender at most one more hour's
 * worth. Expired entries are swept at most once a minute, once there are many; should more than
 * {@value #MAX_NETWORKS} networks still be counted (a flood from very many addresses), the counts
 * start again rather than refuse people who have sent nothing: the memory stays bounded and no
 * flood can close the forms to everyone.
 */
@ApplicationScoped
public class PublicFormLimit {

  private static final Logger LOG = Logger.getLogger(PublicFormLimit.class.getName());

  /** The window over which posts count. */
  public static final Duration WINDOW = Duration.ofHours(1);

  static final int SWEEP_ABOVE = 10_000;

  static final int MAX_NETWORKS = 20_000;

  /** The default, and what an unreadable setting falls back to. */
  static final int DEFAULT_PER_HOUR = 20;

  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  /** When expired entries were last swept. */
  private final java.util.concurrent.atomic.AtomicReference<Instant> swept =
      new java.util.concurrent.atomic.AtomicReference<>(Instant.EPOCH);

  /** Each form and network's accepted posts in the window, oldest first. */
  private final Map<String, Deque<Slot>> posts = new ConcurrentHashMap<>();

  private int perHour;

  private Clock clock = Clock.systemUTC();

  /** For CDI. */
  PublicFormLimit() {}

  @Inject
  PublicFormLimit(
      @ConfigProperty(name = "aasr.public.form.posts.per.hour", defaultValue = "20") int perHour) {
    this(perHour, Clock.systemUTC());
  }

  /** For tests, with their own clock; a limit below 1 is logged and the default used. */
  PublicFormLimit(int perHour, Clock clock) {
    if (perHour < 1) {
      LOG.severe(
          "AASR_PUBLIC_FORM_POSTS_PER_HOUR is "
              + perHour
              + ": it must be at least 1; "
              + DEFAULT_PER_HOUR
              + " is used.");
      perHour = DEFAULT_PER_HOUR;
    }
    this.perHour = perHour;
    this.clock = clock;
  }

  /** One accepted post's place in its network's count; compared by identity. */
  public final class Slot {
    private final String key;
    private final Instant at;

    private Slot(String key, Instant at) {
      this.key = key;
      this.at = at;
    }

    /** The form was refused (a field to correct): the post does not count. */
    public void giveBack() {
      posts.computeIfPresent(
          key,
          (k, slots) -> {
            slots.removeIf(s -> s == this);
            return slots.isEmpty() ? null : slots;
          });
    }
  }

  /**
   * Takes a slot for one post of a form from a client address, or nothing when that network has
   * sent the form {@code perHour} times in the last hour.
   *
   * @param form the form's name, e.g. {@code volunteer-sign-up}
   * @param address the client's address, as {@link ClientAddress#of} gives it
   */
  public Optional<Slot> take(String form, String address) {
    Instant now = clock.instant();
    Instant oldest = now.minus(WINDOW);
    if (posts.size() > SWEEP_ABOVE) {
      Instant last = swept.get();
      if (!now.isBefore(last.plus(SWEEP_EVERY)) && swept.compareAndSet(last, now)) {
        sweep(oldest);
        if (posts.size() > MAX_NETWORKS) {
          posts.clear();
          LOG.warning(
              "Public forms sent from over "
                  + MAX_NETWORKS
                  + " networks within the hour: the per-network counts start again");
        }
      }
    }
    String key = form + " " + network(address);
    Slot slot = new Slot(key, now);
    boolean[] taken = new boolean[1];
    posts.compute(
        key,
        (k, slots) -> {
          Deque<Slot> kept = slots == null ? new ArrayDeque<>() : slots;
          while (!kept.isEmpty() && !kept.peekFirst().at.isAfter(oldest)) {
            kept.pollFirst();
          }
          taken[0] = kept.size() < perHour;
          if (taken[0]) {
            kept.addLast(slot);
          }
          return kept.isEmpty() ? null : kept;
        });
    return taken[0] ? Optional.of(slot) : Optional.empty();
  }

  /** How many posts one network may send of each form in an hour. */
  public int perHour() {
    return perHour;
  }

  /** How many form-and-network counts are kept, for tests. */
  int networksCounted() {
    return posts.size();
  }

  private void sweep(Instant oldest) {
    for (String key : posts.keySet()) {
      posts.computeIfPresent(
          key,
          (k, slots) -> slots.isEmpty() || !slots.peekLast().at.isAfter(oldest) ? null : slots);
    }
  }

  /**
   * The network an address counts for: the address itself for IPv4, the /56 prefix for IPv6. The
   * donation form's limit counts the same networks.
   */
  public static String network(String address) {
    if (address == null || address.isBlank()) {
      return "unknown";
    }
    if (address.indexOf(':') < 0) {
      return address;
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      if (bytes.length != 16) {
        return address;
      }
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        int low = i == 6 ? 0 : bytes[i + 1] & 0xff; // the eighth byte is past the /56
        prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | low));
        prefix.append(':');
      }
      return prefix.append(":/56").toString();
    } catch (UnknownHostException e) {
      return address; // Not a literal address: counted as it is.
    }
  }
}
