package org.aasr.web.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Records refusals that an attacker can repeat at will (pages refused, forged forms, sign-ins from
 * a paused address) without letting them flood the audit log: the first of a kind in a {@link
 * #WINDOW} is written at once, its repeats are only counted, and when the window has passed one
 * more entry says how many there were. A kind is (actor, action, subject).
 *
 * <p>The number of kinds is bounded too, so that varying the path or the address does not get round
 * it: past {@value #SUBJECTS_PER_ACTOR} subjects for one actor and action in a window, the rest
 * count under the subject {@value #OTHER}; past {@value #MAX_KINDS} kinds in all, under the actor
 * {@value #OTHER} as well. Counts are kept in memory, per instance, and written by {@link
 * RepeatedRefusalsFlush} every minute.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class RepeatedRefusals {

  /** How long repeats of one kind are gathered into one entry. */
  public static final Duration WINDOW = Duration.ofMinutes(1);

  static final int SUBJECTS_PER_ACTOR = 10;
  static final int MAX_KINDS = 1000;
  static final String OTHER = "(others)";

  private record Kind(String actor, ConsoleAction action, String subject) {}

  private static final class Tally {
    final Instant since;
    final String summary;
    int repeats;

    Tally(Instant since, String summary) {
      this.since = since;
      this.summary = summary;
    }
  }

  private record Due(Kind kind, String summary) {}

  private final Map<Kind, Tally> open = new HashMap<>();

  @Inject AuditLog audit;

  /** The time, replaceable in tests. */
  Clock clock = Clock.systemUTC();

  /**
   * Records one refusal, or counts it when one of its kind was recorded in this window.
   *
   * @param actor who was refused: a staff member's address, or the network address
   * @param subject what they asked for: a path, an address
   * @param summary the refusal in a sentence, for the first entry
   */
  public void record(String actor, ConsoleAction action, String subject, String summary) {
    List<Due> due = new ArrayList<>();
    synchronized (open) {
      Instant now = clock.instant();
      closeEnded(now, due);
      Kind kind = bounded(new Kind(actor, action, subject));
      Tally tally = open.get(kind);
      if (tally == null) {
        open.put(kind, new Tally(now, summary));
        due.add(new Due(kind, summary));
      } else {
        tally.repeats++;
      }
    }
    write(due);
  }

  /** Writes the counts of every window that has passed. */
  public void flush() {
    List<Due> due = new ArrayList<>();
    synchronized (open) {
      closeEnded(clock.instant(), due);
    }
    write(due);
  }

  private Kind bounded(Kind kind) {
    if (open.containsKey(kind)) {
      return kind;
    }
    if (open.size() >= MAX_KINDS) {
      return new Kind(OTHER, kind.action(), OTHER);
    }
    long subjects =
        open.keySet().stream()
            .filter(k -> k.actor().equals(kind.actor()) && k.action() == kind.action())
            .count();
    return subjects >= SUBJECTS_PER_ACTOR ? new Kind(kind.actor(), kind.action(), OTHER) : kind;
  }

  private void closeEnded(Instant now, List<Due> due) {
    for (Iterator<Map.Entry<Kind, Tally>> it = open.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Kind, Tally> e = it.next();
      Tally tally = e.getValue();
      if (!now.isBefore(tally.since.plus(WINDOW))) {
        it.remove();
        if (tally.repeats > 0) {
          due.add(
              new Due(
                  e.getKey(),
                  tally.summary
                      + " (repeated "
                      + tally.repeats
                      + (tally.repeats == 1 ? " more time" : " more times")
                      + " within "
                      + WINDOW.toMinutes()
                      + " minute of "
                      + tally.since
                      + ")"));
        }
      }
    }
  }

  private void write(List<Due> due) {
    for (Due d : due) {
      audit.record(d.kind().actor(), d.kind().action(), d.kind().subject(), d.summary());
    }
  }
}
