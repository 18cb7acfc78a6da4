package org.aasr.volunteers.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.aasr.volunteers.api.HoursEntry;
import org.aasr.volunteers.api.Places;
import org.aasr.volunteers.api.StatusNote;
import org.aasr.volunteers.api.VolunteerAction;
import org.aasr.volunteers.api.VolunteerChanged;
import org.aasr.volunteers.api.VolunteerPrivacy;
import org.aasr.volunteers.api.VolunteerStaff;

/**
 * A volunteer's data as a whole: its export (JSON) and its erasure. The volunteer reaches both
 * through their private link ({@link PrivateLinks}), staff through {@link VolunteerPrivacy}.
 *
 * <p>Erasure anonymises rather than deletes the volunteer's row: its number, status and dates stay
 * (with every personal column NULL and {@code erased_at} set), so that anything counted against it,
 * such as hours, stays counted, anonymously. Everything else that is about the person is deleted:
 * interests, lived experience, bookings, waitlist places and links. A place on a coming shift is
 * cancelled as the volunteer would cancel it, so that the first person waiting gets it; a past
 * booking is deleted without touching the shift's count, which stays a true, anonymous record of
 * how many came.
 */
@ApplicationScoped
@Transactional
class PersonalData implements VolunteerPrivacy {

  @PersistenceContext(unitName = "volunteers")
  EntityManager em;

  @Inject Event<VolunteerChanged> changes;
  @Inject Bookings bookings;
  @Inject VolunteerStaff staff;

  private Clock clock = Clock.systemUTC();

  /** For CDI. */
  PersonalData() {}

  /** For tests outside the container. */
  PersonalData(
      EntityManager em,
      Clock clock,
      Event<VolunteerChanged> changes,
      Bookings bookings,
      VolunteerStaff staff) {
    this.em = em;
    this.clock = clock;
    this.changes = changes;
    this.bookings = bookings;
    this.staff = staff;
  }

  @Override
  public String exportJson(long volunteerId) {
    String coordinator = coordinator();
    Volunteer volunteer = em.find(Volunteer.class, volunteerId);
    if (volunteer == null || volunteer.isErased()) {
      throw new IllegalArgumentException("No volunteer " + volunteerId + " with data to export");
    }
    String json = export(volunteer, now());
    changes.fire(
        new VolunteerChanged(
            coordinator,
            VolunteerAction.VOLUNTEER_DATA_EXPORTED,
            String.valueOf(volunteerId),
            "Data exported by staff"));
    return json;
  }

  @Override
  public void erase(long volunteerId) {
    String coordinator = coordinator();
    Volunteer volunteer = em.find(Volunteer.class, volunteerId);
    if (volunteer == null) {
      throw new IllegalArgumentException("No volunteer " + volunteerId);
    }
    if (!volunteer.isErased()) {
      erase(volunteer, coordinator, "Erased by staff");
    }
  }

  private String coordinator() {
    return staff
        .currentCoordinator()
        .orElseThrow(() -> new SecurityException("Only volunteer coordinators may do this"));
  }

  /** Everything held about the volunteer, as JSON. */
  String export(Volunteer v, LocalDateTime now) {
    Json json = new Json().begin();
    json.field("format", "AASR volunteer data export, version 1")
        .field("exportedAt", now)
        .field("volunteerNumber", v.getId())
        .field("fullName", v.getFullName())
        .field("email", v.getEmail())
        .field("phone", v.getPhone())
        .field("country", v.getCountry())
        .field("stateOrProvince", v.getRegion())
        .field("place", Places.describe(v.getCountry(), v.getRegion()))
        .field("interests", v.getInterests().stream().map(Enum::name).sorted().toList())
        .field("skills", v.getSkills())
        .field("availability", v.getAvailability())
        .field("livedExperience", v.getExperience().stream().map(Enum::name).sorted().toList())
        .field("howHeard", v.getHowHeard())
        .field("consentGivenAt", v.getConsentAt())
        .field("emailConfirmedAt", v.getConfirmedAt())
        .field("status", v.getStatus().name())
        .field("signedUpAt", v.getCreatedAt())
        .field("updatedAt", v.getUpdatedAt());
    json.beginArray("bookings");
    for (Booking b :
        em.createQuery(
                "SELECT b FROM Booking b WHERE b.volunteer = :v ORDER BY b.shift.startsAt, b.id",
                Booking.class)
            .setParameter("v", v)
            .getResultList()) {
      shift(json.begin(), b.getShift())
          .field("bookedAt", b.getBookedAt())
          .field("reminderSentAt", b.getReminderSentAt())
          .end();
    }
    json.endArray().beginArray("waitlist");
    for (WaitlistEntry w :
        em.createQuery(
                "SELECT w FROM WaitlistEntry w WHERE w.volunteer = :v"
                    + " ORDER BY w.shift.startsAt, w.id",
                WaitlistEntry.class)
            .setParameter("v", v)
            .getResultList()) {
      shift(json.begin(), w.getShift()).field("joinedAt", w.getJoinedAt()).end();
    }
    json.endArray().beginArray("linksSent");
    for (VolunteerToken t :
        em.createQuery(
                "SELECT t FROM VolunteerToken t WHERE t.volunteer = :v ORDER BY t.createdAt, t.id",
                VolunteerToken.class)
            .setParameter("v", v)
            .getResultList()) {
      json.begin()
          .field(
              "purpose",
              t.getPurpose() == VolunteerToken.Purpose.CONFIRM ? "confirm address" : "private link")
          .field("sentAt", t.getCreatedAt())
          .field("expiresAt", t.getExpiresAt())
          .field("usedAt", t.getUsedAt())
          .field("revokedAt", t.getRevokedAt())
          .end();
    }
    json.endArray().beginArray("statusHistory");
    for (StatusNoteEntry entry :
        em.createNamedQuery("StatusNoteEntry.findByVolunteer", StatusNoteEntry.class)
            .setParameter("volunteer", v.getId())
            .getResultList()) {
      StatusNote note = entry.toNote();
      json.begin()
          .field("at", note.at().toString())
          .field("from", note.from().name())
          .field("to", note.to().name())
          .field("note", note.note())
          .end();
    }
    json.endArray().beginArray("hours");
    for (VolunteerHours logged :
        em.createNamedQuery("VolunteerHours.findByVolunteer", VolunteerHours.class)
            .setParameter("volunteer", v.getId())
            .getResultList()) {
      HoursEntry entry = logged.toEntry();
      json.begin()
          .field("workedOn", entry.workedOn().toString())
          .field("minutes", entry.minutes())
          .field("opportunity", entry.opportunityTitle())
          .end();
    }
    return json.endArray().end().toString();
  }

  private static Json shift(Json json, Shift shift) {
    var info = shift.toInfo();
    return json.field("shiftNumber", info.id())
        .field("opportunity", shift.getOpportunity().getTitle())
        .field("startsAt", info.localStart().toOffsetDateTime().toString())
        .field("endsAt", info.localEnd().toOffsetDateTime().toString())
        .field("timeZone", info.timeZone().getId());
  }

  /**
   * Erases the volunteer's personal data (see the class comment), in the caller's transaction.
   *
   * @param actor who asked, for the audit log
   */
  void erase(Volunteer volunteer, String actor, String summary) {
    LocalDateTime now = now();
    long id = volunteer.getId();
    em.flush();
    @SuppressWarnings("unchecked")
    List<Object[]> booked =
        em.createNativeQuery(
                "SELECT b.shift_id, s.starts_at FROM booking b JOIN shift s ON s.id = b.shift_id"
                    + " WHERE b.volunteer_id = ?1")
            .setParameter(1, id)
            .getResultList();
    for (Object[] row : booked) {
      long shiftId = ((Number) row[0]).longValue();
      LocalDateTime startsAt = toLocal(row[1]);
      if (startsAt.isAfter(now)) {
        bookings.cancel(shiftId, id, actor);
      }
    }
    // Every table that holds something about a volunteer has its statement here. Hours logged
    // (volunteer_hours: a day, minutes, an opportunity, the staff member who logged them) stay,
    // counted against the anonymous row, so the organisation's totals do not change; the
    // coordinator's notes on the status workflow are about the person and go.
    for (String sql :
        List.of(
            "DELETE FROM booking WHERE volunteer_id = ?1",
            "DELETE FROM waitlist_entry WHERE volunteer_id = ?1",
            "DELETE FROM volunteer_token WHERE volunteer_id = ?1",
            "DELETE FROM volunteer_status_note WHERE volunteer_id = ?1")) {
      em.createNativeQuery(sql).setParameter(1, id).executeUpdate();
    }
    volunteer.erase(now);
    em.flush();
    changes.fire(
        new VolunteerChanged(actor, VolunteerAction.VOLUNTEER_ERASED, String.valueOf(id), summary));
  }

  private static LocalDateTime toLocal(Object value) {
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toLocalDateTime();
    }
    return (LocalDateTime) value;
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
  }
}
