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
import org.aasr.volunteers.api.VolunteerAction;
import org.aasr.volunteers.api.VolunteerChanged;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The reminder a volunteer gets before each shift they have a place on, with the shift as an
 * iCalendar attachment.
 *
 * <p>The rule: a reminder is claimed by a conditional UPDATE ({@code reminder_sent_at IS NULL}) in
 * the transaction that hands the message to the outbox. Two instances, or two polls, that find the
 * same booking both try; the database lets one update the row (the other waits for its lock, then
 * updates nothing) so exactly one message is queued. Since the claim and the message commit
 * together, a crash before the commit leaves the booking unclaimed for the next poll, and a crash
 * after it leaves the message in the outbox: a restart neither skips nor repeats a reminder.
 *
 * <p>A booking is due from {@code aasr.volunteers.reminder-hours} before its shift starts until it
 * starts: one made later than that (for tomorrow morning, say) is reminded at the next poll.
 */
@ApplicationScoped
class Reminders {

  @PersistenceContext(unitName = "volunteers")
  EntityManager em;

  @Inject Event<VolunteerChanged> changes;
  @Inject Event<MimeMessage> mail;

  /** How long before a shift its reminder goes out. */
  @Inject
  @ConfigProperty(name = "aasr.volunteers.reminder-hours", defaultValue = "24")
  int reminderHours = 24;

  private Clock clock = Clock.systemUTC();

  /** For CDI. */
  Reminders() {}

  /** For tests outside the container. */
  Reminders(
      EntityManager em,
      Clock clock,
      Event<VolunteerChanged> changes,
      Event<MimeMessage> mail,
      int reminderHours) {
    this.em = em;
    this.clock = clock;
    this.changes = changes;
    this.mail = mail;
    this.reminderHours = reminderHours;
  }

  /**
   * The bookings whose reminder is due and not yet sent, soonest shift first. In a transaction of
   * its own: outside one, the container's non-transactional persistence context is closed when the
   * scheduled task that asks ends, which Payara's managed scheduler mishandled on the next run.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  List<Long> due() {
    LocalDateTime now = now();
    return em.createQuery(
            "SELECT b.id FROM Booking b WHERE b.reminderSentAt IS NULL AND b.shift.closed = FALSE"
                + " AND b.shift.startsAt > :now AND b.shift.startsAt <= :until"
                + " AND b.volunteer.erasedAt IS NULL ORDER BY b.shift.startsAt, b.id",
            Long.class)
        .setParameter("now", now)
        .setParameter("until", now.plusHours(reminderHours))
        .getResultList();
  }

  /**
   * Claims a booking's reminder and queues it, in a transaction of its own (one failure does not
   * hold back the others).
   *
   * @return true when this call sent it; false when it was sent already or the booking is gone
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  boolean send(long bookingId) {
    LocalDateTime now = now();
    int claimed =
        em.createNativeQuery(
                "UPDATE booking SET reminder_sent_at = ?1, reminded = TRUE"
                    + " WHERE id = ?2 AND reminder_sent_at IS NULL")
            .setParameter(1, now)
            .setParameter(2, bookingId)
            .executeUpdate();
    if (claimed == 0) {
      return false;
    }
    Booking booking = em.find(Booking.class, bookingId);
    Volunteer volunteer = booking.getVolunteer();
    Shift shift = booking.getShift();
    Opportunity opportunity = shift.getOpportunity();
    String where = opportunity.toSummary().where();
    String ics =
        ShiftCalendar.ics(
            "booking-" + bookingId + "@volunteers.aasr",
            opportunity.getTitle(),
            where,
            shift.toInfo(),
            now.toInstant(ZoneOffset.UTC));
    mail.fire(
        VolunteerMail.reminder(
            volunteer.getEmail(),
            volunteer.getFullName(),
            opportunity.getTitle(),
            where,
            shift.toInfo(),
            ics));
    changes.fire(
        new VolunteerChanged(
            "system",
            VolunteerAction.SHIFT_REMINDER_SENT,
            "shift " + shift.getId(),
            "Reminder emailed (volunteer " + volunteer.getId() + ")"));
    return true;
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
  }
}
