package org.aasr.volunteers.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A volunteer's place on a shift. Created only after the shift's {@code taken} count was raised by
 * the conditional UPDATE in the same transaction, so the rows of a shift never outnumber its
 * capacity. {@code reminder_sent_at} records that the day-before reminder went out (set only by the
 * conditional UPDATE that claims it, see Reminders), so that a restart neither skips nor repeats it
 * and two instances never both send it; {@code reminded} is the older flag, kept in step.
 */
@Entity
@Table(name = "booking")
class Booking {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "shift_id", nullable = false)
  private Shift shift;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "volunteer_id", nullable = false)
  private Volunteer volunteer;

  @Column(name = "booked_at", nullable = false)
  private LocalDateTime bookedAt;

  @Column(nullable = false)
  private boolean reminded;

  @Column(name = "reminder_sent_at", insertable = false, updatable = false)
  private LocalDateTime reminderSentAt;

  protected Booking() {}

  Booking(Shift shift, Volunteer volunteer, LocalDateTime now) {
    this.shift = shift;
    this.volunteer = volunteer;
    this.bookedAt = now;
  }

  Long getId() {
    return id;
  }

  Shift getShift() {
    return shift;
  }

  Volunteer getVolunteer() {
    return volunteer;
  }

  LocalDateTime getBookedAt() {
    return bookedAt;
  }

  LocalDateTime getReminderSentAt() {
    return reminderSentAt;
  }
}
