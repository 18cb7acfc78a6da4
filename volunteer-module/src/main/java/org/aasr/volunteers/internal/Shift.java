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
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.aasr.volunteers.api.ShiftInfo;

/**
 * A shift of an opportunity: a time (stored in UTC, shown in the zone of where it happens) and a
 * number of places.
 *
 * <p>{@code taken} is never changed through this entity: booking and cancelling change it with a
 * conditional UPDATE in the database (see the booking service), which is what keeps a shift from
 * being over-booked when many people book at once. The entity only reads it.
 */
@Entity
@Table(name = "shift")
@NamedQuery(
    name = "Shift.findByOpportunity",
    query = "SELECT s FROM Shift s WHERE s.opportunity.id = :opportunity ORDER BY s.startsAt, s.id")
@NamedQuery(
    name = "Shift.findOpenBetween",
    query =
        "SELECT s FROM Shift s JOIN FETCH s.opportunity o WHERE s.closed = FALSE"
            + " AND s.startsAt > :from AND s.startsAt <= :until AND o.status = :status"
            + " AND s.taken < s.capacity ORDER BY s.startsAt, s.id")
@NamedQuery(
    name = "Shift.findComing",
    query =
        "SELECT s FROM Shift s WHERE s.opportunity = :opportunity AND s.closed = FALSE"
            + " AND s.startsAt > :now ORDER BY s.startsAt, s.id")
class Shift {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "opportunity_id", nullable = false)
  private Opportunity opportunity;

  @Column(name = "starts_at", nullable = false)
  private LocalDateTime startsAt;

  @Column(name = "ends_at", nullable = false)
  private LocalDateTime endsAt;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Column(nullable = false)
  private int capacity;

  @Column(nullable = false, updatable = false, insertable = false)
  private int taken;

  @Column(nullable = false)
  private boolean closed;

  @Version private int version;

  protected Shift() {}

  Shift(
      Opportunity opportunity,
      LocalDateTime startsAt,
      LocalDateTime endsAt,
      ZoneId timeZone,
      int capacity) {
    this.opportunity = opportunity;
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.timeZone = timeZone.getId();
    this.capacity = capacity;
  }

  ShiftInfo toInfo() {
    return new ShiftInfo(
        id,
        startsAt.toInstant(ZoneOffset.UTC),
        endsAt.toInstant(ZoneOffset.UTC),
        ZoneId.of(timeZone),
        capacity,
        taken);
  }

  Long getId() {
    return id;
  }

  boolean isClosed() {
    return closed;
  }

  boolean startsAfter(LocalDateTime now) {
    return startsAt.isAfter(now);
  }

  int getTaken() {
    return taken;
  }

  Opportunity getOpportunity() {
    return opportunity;
  }
}
