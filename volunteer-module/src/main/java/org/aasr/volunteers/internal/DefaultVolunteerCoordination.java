package org.aasr.volunteers.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.aasr.volunteers.api.AssignedShift;
import org.aasr.volunteers.api.BookingOutcome;
import org.aasr.volunteers.api.CoordinationRejectedException;
import org.aasr.volunteers.api.HoursForm;
import org.aasr.volunteers.api.MonthTotal;
import org.aasr.volunteers.api.OpportunityForm;
import org.aasr.volunteers.api.OpportunityListItem;
import org.aasr.volunteers.api.OpportunityStatus;
import org.aasr.volunteers.api.Places;
import org.aasr.volunteers.api.ShiftForm;
import org.aasr.volunteers.api.ShiftInfo;
import org.aasr.volunteers.api.ShiftNeed;
import org.aasr.volunteers.api.StatusNote;
import org.aasr.volunteers.api.VolunteerAction;
import org.aasr.volunteers.api.VolunteerChanged;
import org.aasr.volunteers.api.VolunteerCoordination;
import org.aasr.volunteers.api.VolunteerDetail;
import org.aasr.volunteers.api.VolunteerFilter;
import org.aasr.volunteers.api.VolunteerRow;
import org.aasr.volunteers.api.VolunteerStaff;
import org.aasr.volunteers.api.VolunteerStatus;

/**
 * The coordinator's side of volunteering over JPA.
 *
 * <p>The rule that needs the database: a shift's capacity never drops below its places taken. The
 * change is one conditional UPDATE ({@code ... WHERE id = ? AND taken <= new capacity}) of the
 * shift row, the very row whose exclusive lock a booking's own conditional UPDATE ({@code taken <
 * capacity}) takes: the two run one after the other, whichever comes first, and the second sees
 * what the first did. No read-then-write in Java; the CHECK {@code taken <= capacity} of V1 is the
 * last line of defence. Status changes are conditional on the status the coordinator saw, for the
 * same reason.
 *
 * <p>Every change is refused as a whole ({@link CoordinationRejectedException} rolls the
 * transaction back) or made with its audit event and, where someone must hear of it, an email for
 * the outbox.
 */
@ApplicationScoped
@Transactional
class DefaultVolunteerCoordination implements VolunteerCoordination {

  static final int TITLE_MAX = 200;
  static final int SUMMARY_MAX = 500;
  static final int INVOLVES_MAX = 20_000;
  static final int TIME_ASKED_MAX = 200;
  static final int NOTE_MAX = 2000;
  static final int MAX_MINUTES = 24 * 60;

  /** The most rows one CSV export holds. */
  static final int EXPORT_MAX = 50_000;

  @PersistenceContext(unitName = "volunteers")
  EntityManager em;

  @Inject VolunteerStaff staff;
  @Inject Bookings bookings;
  @Inject Event<VolunteerChanged> changes;
  @Inject Event<MimeMessage> mail;

  private Clock clock = Clock.systemUTC();

  /** For CDI. */
  DefaultVolunteerCoordination() {}

  /** For tests outside the container. */
  DefaultVolunteerCoordination(
      EntityManager em,
      Clock clock,
      VolunteerStaff staff,
      Bookings bookings,
      Event<VolunteerChanged> changes,
      Event<MimeMessage> mail) {
    this.em = em;
    this.clock = clock;
    this.staff = staff;
    this.bookings = bookings;
    this.changes = changes;
    this.mail = mail;
  }

  /** The signed-in coordinator's name, or a SecurityException for anyone else. */
  private String coordinator() {
    return staff
        .currentCoordinator()
        .orElseThrow(
            () ->
                new SecurityException(
                    "Only volunteer coordinators and administrators manage volunteers."));
  }

  // Opportunities.

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<OpportunityListItem> opportunities() {
    coordinator();
    LocalDateTime now = now();
    Map<Long, Long> coming = new HashMap<>();
    em.createQuery(
            "SELECT s.opportunity.id, COUNT(s) FROM Shift s WHERE s.startsAt > :now"
                + " GROUP BY s.opportunity.id",
            Object[].class)
        .setParameter("now", now)
        .getResultList()
        .forEach(r -> coming.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
    return em.createNamedQuery("Opportunity.findAll", Opportunity.class)
        .getResultStream()
        .sorted(Comparator.comparing(Opportunity::getStatus))
        .map(
            o ->
                new OpportunityListItem(
                    o.getId(),
                    o.getSlug(),
                    o.getTitle(),
                    o.getStatus(),
                    o.toSummary().where(),
                    coming.getOrDefault(o.getId(), 0L)))
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<OpportunityForm> opportunity(long id) {
    coordinator();
    return Optional.ofNullable(em.find(Opportunity.class, id))
        .map(DefaultVolunteerCoordination::toForm);
  }

  private static OpportunityForm toForm(Opportunity o) {
    return new OpportunityForm(
        o.getId(),
        o.getVersion(),
        o.getTitle(),
        o.getSlug(),
        o.getSummary(),
        o.getInvolves(),
        o.getPlaceKind(),
        o.getCountry(),
        o.getRegion(),
        o.getTimeAsked(),
        o.getStatus());
  }

  @Override
  public OpportunityForm saveOpportunity(OpportunityForm form) {
    String actor = coordinator();
    Map<String, String> errors = new LinkedHashMap<>();
    String title =
        CoordinationCheck.text(form.title(), "title", "a title", TITLE_MAX, true, false, errors);
    String slug = form.slug() == null ? "" : form.slug().strip();
    if (slug.isEmpty() && title != null) {
      slug = CoordinationCheck.slugFrom(title);
    }
    if (title != null && !CoordinationCheck.validSlug(slug)) {
      errors.put(
          "slug",
          "Use only lower-case letters, digits and single hyphens in the address (at most "
              + CoordinationCheck.SLUG_MAX
              + " characters), e.g. event-support.");
    }
    String summary =
        CoordinationCheck.text(
            form.summary(), "summary", "a short summary", SUMMARY_MAX, true, true, errors);
    String involves =
        CoordinationCheck.text(
            form.involves(), "involves", "what it involves", INVOLVES_MAX, true, true, errors);
    if (form.placeKind() == null) {
      errors.put("placeKind", "Choose remote or in person.");
    }
    String country = blankToNull(form.country());
    String region = blankToNull(form.region());
    if (country != null && Places.country(country).isEmpty()) {
      errors.put("country", "Choose a country from the list.");
    } else if (region != null && (country == null || !Places.isRegionOf(country, region))) {
      errors.put("region", "Choose a state or province of the chosen country, or none.");
    }
    String timeAsked =
        CoordinationCheck.text(
            form.timeAsked(), "timeAsked", "the time it asks", TIME_ASKED_MAX, true, false, errors);
    Opportunity existing = form.id() == null ? null : em.find(Opportunity.class, form.id());
    if (form.id() != null && existing == null) {
      throw new CoordinationRejectedException(
          CoordinationRejectedException.WHOLE_FORM, "This opportunity no longer exists.");
    }
    if (existing != null && existing.getVersion() != form.version()) {
      throw new CoordinationRejectedException(
          CoordinationRejectedException.WHOLE_FORM,
          "Someone else saved this opportunity since you opened it: open it again to see their"
              + " changes, then make yours.");
    }
    if (errors.isEmpty()) {
      String wanted = slug;
      boolean taken =
          em.createNamedQuery("Opportunity.findBySlug", Opportunity.class)
              .setParameter("slug", wanted)
              .getResultStream()
              .anyMatch(o -> o != existing);
      if (taken) {
        errors.put("slug", addressTaken(wanted));
      }
    }
    if (!errors.isEmpty()) {
      throw new CoordinationRejectedException(errors);
    }
    LocalDateTime now = now();
    Opportunity o =
        existing == null ? new Opportunity(slug, title, form.placeKind(), now) : existing;
    o.edit(title, slug, summary, involves, form.placeKind(), country, region, timeAsked, now);
    try {
      if (existing == null) {
        em.persist(o);
      }
      em.flush();
    } catch (PersistenceException e) {
      // Another coordinator took the address, or saved, at the very same moment.
      throw new CoordinationRejectedException("slug", addressTaken(slug));
    }
    changes.fire(
        new VolunteerChanged(
            actor,
            existing == null
                ? VolunteerAction.OPPORTUNITY_CREATED
                : VolunteerAction.OPPORTUNITY_UPDATED,
            "opportunity " + o.getId(),
            (existing == null ? "Created as a draft: " : "Edited: ")
                + o.getSlug()
                + " ("
                + o.toSummary().where()
                + ")"));
    return toForm(o);
  }

  private static String addressTaken(String slug) {
    return "Another opportunity has the address " + slug + " already: choose another.";
  }

  @Override
  public void publish(long opportunityId) {
    setStatus(opportunityId, OpportunityStatus.OPEN, VolunteerAction.OPPORTUNITY_PUBLISHED);
  }

  @Override
  public void close(long opportunityId) {
    setStatus(opportunityId, OpportunityStatus.CLOSED, VolunteerAction.OPPORTUNITY_CLOSED);
  }

  private void setStatus(long id, OpportunityStatus to, VolunteerAction action) {
    String actor = coordinator();
    Opportunity o = em.find(Opportunity.class, id);
    if (o == null) {
      throw new CoordinationRejectedException(
          CoordinationRejectedException.WHOLE_FORM, "This opportunity no longer exists.");
    }
    if (o.getStatus() == to) {
      return;
    }
    OpportunityStatus from = o.getStatus();
    o.setStatus(to, now());
    changes.fire(
        new VolunteerChanged(
            actor, action, "opportunity " + id, o.getSlug() + ": " + from + " → " + to));
  }

  // Shifts.

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ShiftInfo> shifts(long opportunityId) {
    coordinator();
    return em.createNamedQuery("Shift.findByOpportunity", Shift.class)
        .setParameter("opportunity", opportunityId)
        .getResultStream()
        .map(Shift::toInfo)
        .toList();
  }

  /** A shift form checked: its zone, its times in UTC, its capacity. */
  private record CheckedShift(LocalDateTime startUtc, LocalDateTime endUtc, ZoneId zone) {}

  private CheckedShift check(ShiftForm form, boolean mustBeComing) {
    Map<String, String> errors = new LinkedHashMap<>();
    ZoneId zone = null;
    try {
      zone = form.timeZone() == null ? null : ZoneId.of(form.timeZone());
    } catch (DateTimeException e) {
      zone = null;
    }
    if (zone == null || zone instanceof ZoneOffset) {
      errors.put("timeZone", "Choose the time zone of where the shift happens.");
    }
    if (form.start() == null) {
      errors.put("start", "Enter when the shift starts.");
    }
    if (form.end() == null) {
      errors.put("end", "Enter when the shift ends.");
    } else if (form.start() != null && !form.end().isAfter(form.start())) {
      errors.put("end", "The end must be after the start.");
    }
    if (form.capacity() < 1 || form.capacity() > ShiftForm.MAX_CAPACITY) {
      errors.put(
          "capacity", "Enter how many people it needs, from 1 to " + ShiftForm.MAX_CAPACITY + ".");
    }
    LocalDateTime start = null;
    LocalDateTime end = null;
    if (zone != null && form.start() != null && form.end() != null) {
      start = utc(form.start(), zone);
      end = utc(form.end(), zone);
      if (mustBeComing && !start.isAfter(now())) {
        errors.put("start", "A new shift must start in the future.");
      }
    }
    if (!errors.isEmpty()) {
      throw new CoordinationRejectedException(errors);
    }
    return new CheckedShift(start, end, zone);
  }

  private static LocalDateTime utc(LocalDateTime local, ZoneId zone) {
    return local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
  }

  @Override
  public ShiftInfo addShift(long opportunityId, ShiftForm form) {
    String actor = coordinator();
    Opportunity o = em.find(Opportunity.class, opportunityId);
    if (o == null) {
      throw new CoordinationRejectedException(
          CoordinationRejectedException.WHOLE_FORM, "This opportunity no longer exists.");
    }
    CheckedShift s = check(form, true);
    Shift shift = new Shift(o, s.startUtc(), s.endUtc(), s.zone(), form.capacity());
    em.persist(shift);
    em.flush();
    changes.fire(
        new VolunteerChanged(
            actor,
            VolunteerAction.SHIFT_ADDED,
            "shift " + shift.getId(),
            "Added to opportunity "
                + opportunityId
                + ": "
                + VolunteerMail.when(shift.toInfo())
                + ", "
                + form.capacity()
                + " places"));
    return shift.toInfo();
  }

  @Override
  public ShiftInfo changeShift(long shiftId, ShiftForm form) {
    String actor = coordinator();
    CheckedShift s = check(form, false);
    ShiftInfo before = info(shiftId);
    if (before == null) {
      throw new CoordinationRejectedException(
          CoordinationRejectedException.WHOLE_FORM, "This shift no longer exists.");
    }
    // One statement: the capacity changes only if the places taken, read under the row's lock,
    // still fit. A booking at the same moment waits for this one, or this one for it.
    int changed;
    try {
      changed =
          em.createNativeQuery(
                  "UPDATE shift SET starts_at = ?1, ends_at = ?2, time_zone = ?3, capacity = ?4,"
                      + " version = version + 1 WHERE id = ?5 AND taken <= ?6")
              .setParameter(1, s.startUtc())
              .setParameter(2, s.endUtc())
              .setParameter(3, s.zone().getId())
              .setParameter(4, form.capacity())
              .setParameter(5, shiftId)
              .setParameter(6, form.capacity())
              .executeUpdate();
    } catch (PersistenceException e) {
      // The CHECK (taken <= capacity) or a deadlock with a booking at the same moment: the
      // transaction is rolled back whole; the coordinator is told, never shown an error page.
      throw new CoordinationRejectedException(
          "capacity",
          "A booking changed this shift at the same moment: look at its places and try again.");
    }
    if (changed == 0) {
      ShiftInfo now = info(shiftId);
      if (now == null) {
        throw new CoordinationRejectedException(
            CoordinationRejectedException.WHOLE_FORM, "This shift no longer exists.");
      }
      throw new CoordinationRejectedException("capacity", capacityBelowTaken(now.taken()));
    }
    int promoted = form.capacity() > before.capacity() ? bookings.fillFromWaitlist(shiftId) : 0;
    ShiftInfo after = info(shiftId);
    changes.fire(
        new VolunteerChanged(
            actor,
            VolunteerAction.SHIFT_CHANGED,
            "shift " + shiftId,
            VolunteerMail.when(before)
                + ", "
                + before.capacity()
                + " places → "
                + VolunteerMail.when(after)
                + ", "
                + after.capacity()
                + " places"
                + (promoted > 0 ? "; " + promoted + " from the waitlist booked" : "")));
    return after;
  }

  static String capacityBelowTaken(int taken) {
    return taken
        + (taken == 1 ? " place is" : " places are")
        + " already taken on this shift: its capacity cannot be fewer than "
        + taken
        + ". Cancel bookings first to make it smaller.";
  }

  /** The shift as the database has it now (not as this persistence context may remember it). */
  private ShiftInfo info(long shiftId) {
    Shift shift = em.find(Shift.class, shiftId);
    if (shift == null) {
      return null;
    }
    em.refresh(shift);
    return shift.toInfo();
  }

  @Override
  public void removeShift(long shiftId) {
    String actor = coordinator();
    ShiftInfo before = info(shiftId);
    if (before == null) {
      return;
    }
    Shift shift = em.find(Shift.class, shiftId);
    long opportunityId = shift.getOpportunity().getId();
    em.detach(shift);
    int removed =
        em.createNativeQuery(
                "DELETE FROM shift WHERE id = ?1 AND taken = 0 AND NOT EXISTS"
                    + " (SELECT 1 FROM waitlist_entry w WHERE w.shift_id = ?2)")
            .setParameter(1, shiftId)
            .setParameter(2, shiftId)
            .executeUpdate();
    if (removed == 0) {
      throw new CoordinationRejectedException(
          CoordinationRejectedException.WHOLE_FORM,
          "This shift has people booked or waiting: cancel their places first, then remove it.");
    }
    changes.fire(
        new VolunteerChanged(
            actor,
            VolunteerAction.SHIFT_REMOVED,
            "shift " + shiftId,
            "Removed from opportunity " + opportunityId + ": " + VolunteerMail.when(before)));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ShiftNeed> comingShifts() {
    coordinator();
    return em.createQuery(
            "SELECT s FROM Shift s JOIN FETCH s.opportunity o WHERE s.closed = FALSE"
                + " AND s.startsAt > :now AND o.status = :status ORDER BY s.startsAt, s.id",
            Shift.class)
        .setParameter("now", now())
        .setParameter("status", OpportunityStatus.OPEN)
        .getResultStream()
        .map(DefaultVolunteerCoordination::need)
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ShiftNeed> shiftsLackingPeople(int days) {
    coordinator();
    LocalDateTime now = now();
    return em.createNamedQuery("Shift.findOpenBetween", Shift.class)
        .setParameter("from", now)
        .setParameter("until", now.plusDays(days))
        .setParameter("status", OpportunityStatus.OPEN)
        .getResultStream()
        .map(DefaultVolunteerCoordination::need)
        .toList();
  }

  private static ShiftNeed need(Shift s) {
    return new ShiftNeed(s.toInfo(), s.getOpportunity().getId(), s.getOpportunity().getTitle());
  }

  // Volunteers.

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<VolunteerRow> volunteers(VolunteerFilter filter, int first, int max) {
    coordinator();
    return query(filter, false, Volunteer.class)
        .setHint("eclipselink.batch", "v.interests")
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.max(0, max))
        .getResultStream()
        .map(DefaultVolunteerCoordination::row)
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public long countVolunteers(VolunteerFilter filter) {
    coordinator();
    return query(filter, true, Long.class).getSingleResult();
  }

  /** The filtered volunteers query: in the database, a page at a time, newest sign-up first. */
  private <T> TypedQuery<T> query(VolunteerFilter filter, boolean count, Class<T> type) {
    VolunteerFilter f = filter == null ? VolunteerFilter.ALL : filter;
    StringBuilder jpql =
        new StringBuilder(count ? "SELECT COUNT(v) FROM Volunteer v" : "SELECT v FROM Volunteer v");
    jpql.append(" WHERE v.erasedAt IS NULL");
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (f.status() != null) {
      jpql.append(" AND v.status = :status");
      parameters.put("status", f.status());
    }
    if (f.interest() != null) {
      jpql.append(" AND :interest MEMBER OF v.interests");
      parameters.put("interest", f.interest());
    }
    String country = blankToNull(f.country());
    if (country != null) {
      jpql.append(" AND v.country = :country");
      parameters.put("country", country);
    }
    String region = blankToNull(f.region());
    if (region != null) {
      jpql.append(" AND v.region = :region");
      parameters.put("region", region);
    }
    String skill = blankToNull(f.skill());
    if (skill != null) {
      // LIKE's own wildcards are escaped: the text is matched as typed.
      String text =
          skill
              .toLowerCase(Locale.ROOT)
              .replace("\\", "\\\\")
              .replace("%", "\\%")
              .replace("_", "\\_");
      jpql.append(" AND LOWER(v.skills) LIKE :skill ESCAPE '\\'");
      parameters.put("skill", "%" + text + "%");
    }
    if (!count) {
      jpql.append(" ORDER BY v.createdAt DESC, v.id DESC");
    }
    TypedQuery<T> query = em.createQuery(jpql.toString(), type);
    parameters.forEach(query::setParameter);
    return query;
  }

  private static VolunteerRow row(Volunteer v) {
    return new VolunteerRow(
        v.getId(),
        v.getFullName(),
        v.getEmail(),
        v.getCountry(),
        v.getRegion(),
        v.getStatus(),
        v.getConfirmedAt() != null,
        v.getInterests(),
        v.getSkills(),
        instant(v.getCreatedAt()));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<VolunteerRow> waitingForContact(int max) {
    coordinator();
    return em.createQuery(
            "SELECT v FROM Volunteer v WHERE v.erasedAt IS NULL AND v.status = :status"
                + " AND v.confirmedAt IS NOT NULL ORDER BY v.createdAt, v.id",
            Volunteer.class)
        .setParameter("status", VolunteerStatus.NEW)
        .setMaxResults(max)
        .getResultStream()
        .map(DefaultVolunteerCoordination::row)
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<VolunteerDetail> volunteer(long id) {
    coordinator();
    Volunteer v = em.find(Volunteer.class, id);
    if (v == null || v.isErased()) {
      return Optional.empty();
    }
    List<StatusNote> notes =
        em.createNamedQuery("StatusNoteEntry.findByVolunteer", StatusNoteEntry.class)
            .setParameter("volunteer", id)
            .getResultStream()
            .map(StatusNoteEntry::toNote)
            .toList();
    List<AssignedShift> shifts = new ArrayList<>();
    em.createQuery("SELECT b.shift FROM Booking b WHERE b.volunteer.id = :volunteer", Shift.class)
        .setParameter("volunteer", id)
        .getResultStream()
        .forEach(
            s -> shifts.add(new AssignedShift(s.toInfo(), s.getOpportunity().getTitle(), false)));
    em.createQuery(
            "SELECT w.shift FROM WaitlistEntry w WHERE w.volunteer.id = :volunteer", Shift.class)
        .setParameter("volunteer", id)
        .getResultStream()
        .forEach(
            s -> shifts.add(new AssignedShift(s.toInfo(), s.getOpportunity().getTitle(), true)));
    shifts.sort(Comparator.comparing(a -> a.shift().startsAt()));
    List<VolunteerHours> hours =
        em.createNamedQuery("VolunteerHours.findByVolunteer", VolunteerHours.class)
            .setParameter("volunteer", id)
            .getResultList();
    return Optional.of(
        new VolunteerDetail(
            row(v),
            v.getPhone(),
            v.getAvailability(),
            v.getExperience(),
            v.getHowHeard(),
            instant(v.getConsentAt()),
            instant(v.getConfirmedAt()),
            notes,
            shifts,
            hours.stream().map(VolunteerHours::toEntry).toList(),
            monthTotals(hours),
            hours.stream().mapToLong(VolunteerHours::getMinutes).sum()));
  }

  /** The minutes per month, newest month first. */
  static List<MonthTotal> monthTotals(List<VolunteerHours> hours) {
    TreeMap<YearMonth, Long> months = new TreeMap<>(Comparator.reverseOrder());
    for (VolunteerHours h : hours) {
      months.merge(YearMonth.from(h.getWorkedOn()), (long) h.getMinutes(), Long::sum);
    }
    return months.entrySet().stream().map(e -> new MonthTotal(e.getKey(), e.getValue())).toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<MonthTotal> hoursByMonth(int months) {
    coordinator();
    LocalDate since = YearMonth.from(today()).minusMonths(Math.max(1, months) - 1L).atDay(1);
    return monthTotals(
        em.createNamedQuery("VolunteerHours.since", VolunteerHours.class)
            .setParameter("since", since)
            .getResultList());
  }

  @Override
  public void changeStatus(long volunteerId, VolunteerStatus to, String note) {
    String actor = coordinator();
    Map<String, String> errors = new LinkedHashMap<>();
    Volunteer v = em.find(Volunteer.class, volunteerId);
    if (v == null || v.isErased()) {
      throw new CoordinationRejectedException(
          CoordinationRejectedException.WHOLE_FORM, "This volunteer no longer exists.");
    }
    VolunteerStatus from = v.getStatus();
    if (to == null) {
      errors.put("status", "Choose the new status.");
    } else if (!from.canMoveTo(to)) {
      errors.put(
          "status",
          "A volunteer who is "
              + from.label().toLowerCase(Locale.ROOT)
              + " cannot become "
              + to.label().toLowerCase(Locale.ROOT)
              + (from.next().isEmpty()
                  ? ": declined is final."
                  : "; the next steps are: "
                      + String.join(
                          ", ",
                          from.next().stream()
                              .map(s -> s.label().toLowerCase(Locale.ROOT))
                              .toList())
                      + "."));
    } else if (to != VolunteerStatus.DECLINED && v.getConfirmedAt() == null) {
      errors.put(
          "status",
          "This volunteer has not confirmed their email address yet: nobody may contact them until"
              + " they do.");
    }
    String text = CoordinationCheck.text(note, "note", "a note", NOTE_MAX, true, true, errors);
    if (!errors.isEmpty()) {
      throw new CoordinationRejectedException(errors);
    }
    LocalDateTime now = now();
    // Only from the status the coordinator saw: two coordinators at once cannot both move it.
    int moved =
        em.createQuery(
                "UPDATE Volunteer v SET v.status = :to, v.updatedAt = :now,"
                    + " v.version = v.version + 1 WHERE v.id = :id AND v.status = :from")
            .setParameter("to", to)
            .setParameter("now", now)
            .setParameter("id", volunteerId)
            .setParameter("from", from)
            .executeUpdate();
    if (moved == 0) {
      throw new CoordinationRejectedException(
          "status", "Someone else changed this volunteer's status meanwhile: reload the page.");
    }
    em.persist(new StatusNoteEntry(v, from, to, text, actor, now));
    changes.fire(
        new VolunteerChanged(
            actor,
            VolunteerAction.VOLUNTEER_STATUS_CHANGED,
            String.valueOf(volunteerId),
            from + " → " + to));
  }

  @Override
  public BookingOutcome assign(long volunteerId, long shiftId) {
    String actor = coordinator();
    BookingOutcome outcome = bookings.book(shiftId, volunteerId, actor);
    if (outcome == BookingOutcome.BOOKED) {
      // book() refuses anyone unconfirmed or erased: only a confirmed volunteer is emailed.
      Volunteer v = em.find(Volunteer.class, volunteerId);
      Shift s = em.find(Shift.class, shiftId);
      mail.fire(
          VolunteerMail.assigned(
              v.getEmail(), v.getFullName(), s.getOpportunity().getTitle(), s.toInfo()));
    }
    return outcome;
  }

  @Override
  public boolean unassign(long volunteerId, long shiftId) {
    String actor = coordinator();
    return bookings.cancel(shiftId, volunteerId, actor);
  }

  @Override
  public void logHours(long volunteerId, HoursForm form) {
    String actor = coordinator();
    Volunteer v = em.find(Volunteer.class, volunteerId);
    if (v == null || v.isErased()) {
      throw new CoordinationRejectedException(
          CoordinationRejectedException.WHOLE_FORM, "This volunteer no longer exists.");
    }
    Map<String, String> errors = new LinkedHashMap<>();
    if (form.workedOn() == null) {
      errors.put("workedOn", "Enter the day they worked.");
    } else if (form.workedOn().isAfter(today())) {
      errors.put("workedOn", "The day cannot be in the future.");
    } else if (form.workedOn().isBefore(LocalDate.of(2000, 1, 1))) {
      errors.put("workedOn", "Enter a day since the year 2000.");
    }
    if (form.minutes() < 1 || form.minutes() > MAX_MINUTES) {
      errors.put("minutes", "Enter the time given, from 1 minute to 24 hours.");
    }
    Opportunity o = null;
    if (form.opportunityId() != null) {
      o = em.find(Opportunity.class, form.opportunityId());
      if (o == null) {
        errors.put("opportunity", "Choose an opportunity from the list, or none.");
      }
    }
    if (!errors.isEmpty()) {
      throw new CoordinationRejectedException(errors);
    }
    VolunteerHours hours = new VolunteerHours(v, o, form.workedOn(), form.minutes(), actor, now());
    em.persist(hours);
    em.flush();
    changes.fire(
        new VolunteerChanged(
            actor,
            VolunteerAction.HOURS_LOGGED,
            String.valueOf(volunteerId),
            form.minutes()
                + " minutes on "
                + form.workedOn()
                + (o == null ? "" : " for opportunity " + o.getId())));
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public String exportCsv(VolunteerFilter filter) {
    String actor = coordinator();
    List<VolunteerRow> rows = volunteers(filter, 0, EXPORT_MAX);
    VolunteerFilter f = filter == null ? VolunteerFilter.ALL : filter;
    changes.fire(
        new VolunteerChanged(
            actor,
            VolunteerAction.VOLUNTEERS_EXPORTED,
            null,
            rows.size()
                + " volunteers exported (status "
                + (f.status() == null ? "any" : f.status())
                + ", interest "
                + (f.interest() == null ? "any" : f.interest())
                + ", place "
                + (blankToNull(f.country()) == null ? "any" : f.country())
                + (blankToNull(f.region()) == null ? "" : "-" + f.region())
                + (blankToNull(f.skill()) == null ? "" : ", skill filter")
                + ")"));
    return VolunteerCsv.of(rows);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }
}
