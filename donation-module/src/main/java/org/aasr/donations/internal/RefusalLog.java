package org.aasr.donations.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.LocalDate;

/**
 * Counts refused donation attempts per day in the database, for the console's dashboard.
 *
 * <p>In the database rather than the audit log: a card tester is refused hundreds of times a
 * minute, and an entry each would bury the staff's own changes; one counter row a day costs nothing
 * and, unlike {@link AttemptLimiter}'s in-memory count, survives a restart. It holds no address or
 * email, only how many.
 */
@ApplicationScoped
class RefusalLog {

  @PersistenceContext(unitName = "donations")
  EntityManager em;

  @Inject Transactions transactions;

  /** Adds one refusal to a day's count, in its own transaction. */
  void count(LocalDate day) {
    try {
      transactions.required(() -> add(day, true));
    } catch (RuntimeException firstOfTheDayRace) {
      // Another refusal inserted the day's row at the same moment: add to it.
      transactions.required(() -> add(day, false));
    }
  }

  private Void add(LocalDate day, boolean insertIfMissing) {
    int updated =
        em.createNativeQuery(
                "UPDATE donation_refusal SET refused = refused + 1 WHERE refused_on = ?")
            .setParameter(1, Date.valueOf(day))
            .executeUpdate();
    if (updated == 0 && insertIfMissing) {
      em.createNativeQuery("INSERT INTO donation_refusal (refused_on, refused) VALUES (?, 1)")
          .setParameter(1, Date.valueOf(day))
          .executeUpdate();
    }
    return null;
  }

  /** How many attempts were refused on a day. */
  long on(LocalDate day) {
    Object n =
        em.createNativeQuery("SELECT refused FROM donation_refusal WHERE refused_on = ?")
            .setParameter(1, Date.valueOf(day))
            .getResultStream()
            .findFirst()
            .orElse(null);
    return n == null ? 0 : ((Number) n).longValue();
  }
}
