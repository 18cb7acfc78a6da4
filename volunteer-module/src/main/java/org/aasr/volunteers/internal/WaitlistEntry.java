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

/** Someone waiting for a place on a full shift; the earliest (then lowest id) is served first. */
@Entity
@Table(name = "waitlist_entry")
class WaitlistEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "shift_id", nullable = false)
  private Shift shift;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "volunteer_id", nullable = false)
  private Volunteer volunteer;

  @Column(name = "joined_at", nullable = false)
  private LocalDateTime joinedAt;

  protected WaitlistEntry() {}

  WaitlistEntry(Shift shift, Volunteer volunteer, LocalDateTime now) {
    this.shift = shift;
    this.volunteer = volunteer;
    this.joinedAt = now;
  }

  Long getId() {
    return id;
  }

  LocalDateTime getJoinedAt() {
    return joinedAt;
  }

  Volunteer getVolunteer() {
    return volunteer;
  }

  Shift getShift() {
    return shift;
  }
}
