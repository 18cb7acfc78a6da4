package org.aasr.volunteers.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.aasr.volunteers.api.BookingOutcome;
import org.aasr.volunteers.api.VolunteerAction;
import org.aasr.volunteers.api.VolunteerChanged;
import org.aasr.volunteers.api.VolunteerStatus;

/**
 * Places on shifts, and the waitlist, kept right when many people book and cancel at once.
 *
 * <p>The rule: a shift's {@code taken} count changes only through a conditional UPDATE of the shift
 * row ({@code taken < capacity} to take a place). The database evaluates the condition under the
 * row's exclusive lock, which it holds until the transaction ends, so of twenty people taking the
 * last five places exactly five get a row updated and a booking; the other fifteen go on the
 * waitlist. A CHECK constraint ({@code taken <= capacity}) is the last line of defence. No
 * read-then-write in Java, no optimistic retry, no lock held across a user's think time.
 *
 * <p>A cancellation first lowers {@code taken} (taking the shift row's lock), then, while it still
 * holds that lock, hands the place to the first on the waitlist: two cancellations of the same
 * shift run one after the other, so each waiting person is promoted once, and nobody booking at the
 * same moment can slip into the freed place ahead of the waitlist.
 *
 * <p>The volunteer's private link and the coordinator's console both book through here.
 */
@ApplicationScoped
@Transactional
class Bookings {

  @PersistenceContext(unitName = "volunteers")
  EntityManager em;

  @Inject Event<VolunteerChanged> changes;
  @Inject Event<MimeMessage> mail;

  private Clock clock = Clock.systemUTC();

  /** For CDI. */
  Bookings() {}

  /** For tests outside the container. */
  Bookings(
      EntityManager em, Clock clock, Event<VolunteerChanged> changes, Event<MimeMessage> mail) {
    this.em = em;
    this.clock = clock;
    this.changes = changes;
    this.mail = mail;
  }

  /** Gives the volunteer a place on the shift, or a place on its waitlist when it is full. */
  BookingOutcome book(long shiftId, long volunteerId, String actor) {
    LocalDateTime now = now();
    Shift shift = em.find(Shift.class, shiftId);
    Volunteer volunteer = em.find(Volunteer.class, volunteerId);
    if (volunteer == null || volunteer.getConfirmedAt() == null || volunteer.isErased()) {
      return BookingOutcome.NOT_CONFIRMED;
    }
    if (volunteer.getStatus() == VolunteerStatus.DECLINED) {
      return BookingOutcome.DECLINED;
    }
    if (shift == null || shift.isClosed() || !shift.startsAfter(now)) {
      return BookingOutcome.NOT_BOOKABLE;
    }
    if (count(
            "SELECT COUNT(*) FROM booking WHERE shift_id = ?1 AND volunteer_id = ?2",
            shift,
            volunteer)
        > 0) {
      return BookingOutcome.ALREADY_BOOKED;
    }
    if (count(
            "SELECT COUNT(*) FROM waitlist_entry WHERE shift_id = ?1 AND volunteer_id = ?2",
            shift,
            volunteer)
        > 0) {
      return BookingOutcome.ALREADY_WAITING;
    }
    if (takePlace(shiftId)) {
      em.persist(new Booking(shift, volunteer, now));
      audit(actor, VolunteerAction.SHIFT_BOOKED, shiftId, volunteerId, "Booked a place");
      return BookingOutcome.BOOKED;
    }
    em.persist(new WaitlistEntry(shift, volunteer, now));
    audit(actor, VolunteerAction.SHIFT_WAITLISTED, shiftId, volunteerId, "Shift full: waitlisted");
    return BookingOutcome.WAITLISTED;
  }

  /**
   * Cancels the volunteer's place (or takes them off the waitlist) and hands a freed place to the
   * first person waiting, who is emailed.
   *
   * @return whether the volunteer had a place or was waiting
   */
  boolean cancel(long shiftId, long volunteerId, String actor) {
    int booked =
        em.createNativeQuery("DELETE FROM booking WHERE shift_id = ?1 AND volunteer_id = ?2")
            .setParameter(1, shiftId)
            .setParameter(2, volunteerId)
            .executeUpdate();
    if (booked == 0) {
      int waiting =
          em.createNativeQuery(
                  "DELETE FROM waitlist_entry WHERE shift_id = ?1 AND volunteer_id = ?2")
              .setParameter(1, shiftId)
              .setParameter(2, volunteerId)
              .executeUpdate();
      if (waiting > 0) {
        audit(actor, VolunteerAction.SHIFT_CANCELLED, shiftId, volunteerId, "Left the waitlist");
      }
      return waiting > 0;
    }
    // Frees the place and locks the shift row until this transaction ends.
    em.createNativeQuery("UPDATE shift SET taken = taken - 1 WHERE id = ?1 AND taken > 0")
        .setParameter(1, shiftId)
        .executeUpdate();
    audit(actor, VolunteerAction.SHIFT_CANCELLED, shiftId, volunteerId, "Cancelled a place");
    promoteFirstWaiting(shiftId);
    return true;
  }

  /**
   * Gives the places a shift has free to the first people on its waitlist, in turn, each emailed:
   * after its capacity was raised.
   *
   * @return how many were given a place
   */
  int fillFromWaitlist(long shiftId) {
    int promoted = 0;
    while (promoteFirstWaiting(shiftId)) {
      promoted++;
    }
    return promoted;
  }

  /**
   * @return whether the first person waiting got the place
   */
  private boolean promoteFirstWaiting(long shiftId) {
    List<WaitlistEntry> first =
        em.createQuery(
                "SELECT w FROM WaitlistEntry w WHERE w.shift.id = :shift"
                    + " ORDER BY w.joinedAt, w.id",
                WaitlistEntry.class)
            .setParameter("shift", shiftId)
            .setMaxResults(1)
            .getResultList();
    if (first.isEmpty() || !takePlace(shiftId)) {
      return false;
    }
    WaitlistEntry entry = first.get(0);
    Volunteer volunteer = entry.getVolunteer();
    Shift shift = em.find(Shift.class, shiftId);
    em.remove(entry);
    em.persist(new Booking(shift, volunteer, now()));
    audit(
        "system",
        VolunteerAction.SHIFT_BOOKED,
        shiftId,
        volunteer.getId(),
        "A place freed up: first on the waitlist booked");
    mail.fire(
        VolunteerMail.placeFreed(
            volunteer.getEmail(),
            volunteer.getFullName(),
            shift.getOpportunity().getTitle(),
            shift.toInfo()));
    return true;
  }

  /** Takes a place if one is free: true when this transaction got it. */
  private boolean takePlace(long shiftId) {
    return em.createNativeQuery(
                "UPDATE shift SET taken = taken + 1 WHERE id = ?1 AND taken < capacity"
                    + " AND closed = FALSE")
            .setParameter(1, shiftId)
            .executeUpdate()
        == 1;
  }

  private long count(String sql, Shift shift, Volunteer volunteer) {
    return ((Number)
            em.createNativeQuery(sql)
                .setParameter(1, shift.getId())
                .setParameter(2, volunteer.getId())
                .getSingleResult())
        .longValue();
  }

  private void audit(
      String actor, VolunteerAction action, long shiftId, long volunteerId, String summary) {
    changes.fire(
        new VolunteerChanged(
            actor, action, "shift " + shiftId, summary + " (volunteer " + volunteerId + ")"));
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
  }
}
