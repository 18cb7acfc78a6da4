package org.aasr.web.security;

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
 * proxies), or for IPv6 its /64 prefix, which one household or one machine usually has whole. The
 * counts are in memory: a restart forgets them, which costs a sender at most one more hour's worth.
 * Expired entries are swept as the map grows; past {@value #MAX_NETWORKS} networks at once (a flood
 * from very many addresses) new ones are refused until the hour passes.
 */
@ApplicationScoped
public class PublicFormLimit {

  private static final Logger LOG = Logger.getLogger(PublicFormLimit.class.getName());

  /** The window over which posts count. */
  public static final Duration WINDOW = Duration.ofHours(1);

  static final int SWEEP_ABOVE = 10_000;

  static final int MAX_NETWORKS = 100_000;

  /** Each form and network's accepted posts in the window, oldest first. */
  private final Map<String, Deque<Slot>> posts = new ConcurrentHashMap<>();

  private int perHour;

  private Clock clock = Clock.systemUTC();

  /** For CDI. */
  PublicFormLimit() {}

  @Inject
  PublicFormLimit(
      @ConfigProperty(name = "aasr.public.form.posts.per.hour", defaultValue = "10") int perHour) {
    this(perHour, Clock.systemUTC());
  }

  /** For tests, with their own clock. */
  PublicFormLimit(int perHour, Clock clock) {
    if (perHour < 1) {
      throw new IllegalArgumentException(
          "aasr.public.form.posts.per.hour must be at least 1, not " + perHour);
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
      sweep(oldest);
    }
    String key = form + " " + network(address);
    if (posts.size() >= MAX_NETWORKS && !posts.containsKey(key)) {
      LOG.warning(
          () -> "Public forms sent from over " + MAX_NETWORKS + " networks in an hour: refused");
      return Optional.empty();
    }
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

  /** The address itself for IPv4; the /64 prefix for IPv6. */
  static String network(String address) {
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
        prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
        prefix.append(':');
      }
      return prefix.append(":/64").toString();
    } catch (UnknownHostException e) {
      return address; // Not a literal address: counted as it is.
    }
  }
}
