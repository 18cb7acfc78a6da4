package org.aasr.volunteers.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.aasr.volunteers.api.HoursEntry;

/**
 * Time a volunteer gave. The volunteer may be null: erasure unlinks the hours from the person and
 * keeps them, so the organisation's totals stay true (see V5).
 */
@Entity
@Table(name = "volunteer_hours")
@NamedQuery(
    name = "VolunteerHours.findByVolunteer",
    query =
        "SELECT h FROM VolunteerHours h LEFT JOIN FETCH h.opportunity"
            + " WHERE h.volunteer.id = :volunteer ORDER BY h.workedOn DESC, h.id DESC")
@NamedQuery(
    name = "VolunteerHours.since",
    query = "SELECT h FROM VolunteerHours h WHERE h.workedOn >= :since")
class VolunteerHours {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "volunteer_id")
  private Volunteer volunteer;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "opportunity_id")
  private Opportunity opportunity;

  @Column(name = "worked_on", nullable = false)
  private LocalDate workedOn;

  @Column(nullable = false)
  private int minutes;

  @Column(name = "logged_by", nullable = false, length = 254)
  private String loggedBy;

  @Column(name = "logged_at", nullable = false)
  private LocalDateTime loggedAt;

  protected VolunteerHours() {}

  VolunteerHours(
      Volunteer volunteer,
      Opportunity opportunity,
      LocalDate workedOn,
      int minutes,
      String loggedBy,
      LocalDateTime now) {
    this.volunteer = volunteer;
    this.opportunity = opportunity;
    this.workedOn = workedOn;
    this.minutes = minutes;
    this.loggedBy = loggedBy;
    this.loggedAt = now;
  }

  Long getId() {
    return id;
  }

  LocalDate getWorkedOn() {
    return workedOn;
  }

  int getMinutes() {
    return minutes;
  }

  HoursEntry toEntry() {
    return new HoursEntry(
        id, workedOn, minutes, opportunity == null ? null : opportunity.getTitle(), loggedBy);
  }
}
