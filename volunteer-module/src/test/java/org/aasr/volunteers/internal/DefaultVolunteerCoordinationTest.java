package org.aasr.volunteers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.aasr.volunteers.api.BookingOutcome;
import org.aasr.volunteers.api.CoordinationRejectedException;
import org.aasr.volunteers.api.HoursForm;
import org.aasr.volunteers.api.Interest;
import org.aasr.volunteers.api.MonthTotal;
import org.aasr.volunteers.api.OpportunityForm;
import org.aasr.volunteers.api.OpportunityStatus;
import org.aasr.volunteers.api.PlaceKind;
import org.aasr.volunteers.api.ShiftForm;
import org.aasr.volunteers.api.ShiftInfo;
import org.aasr.volunteers.api.VolunteerAction;
import org.aasr.volunteers.api.VolunteerChanged;
import org.aasr.volunteers.api.VolunteerDetail;
import org.aasr.volunteers.api.VolunteerFilter;
import org.aasr.volunteers.api.VolunteerRow;
import org.aasr.volunteers.api.VolunteerStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's service on a real embedded Derby, each call in its own transaction as a request
 * would make it (a refused change rolls back), with real threads for the concurrent cases.
 */
class DefaultVolunteerCoordinationTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final LocalDateTime NOW_UTC = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC);
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String TORONTO = "America/Toronto";

  private VolunteerDatabase db;
  private final RecordingEvent<VolunteerChanged> changes = new RecordingEvent<>();
  private final RecordingEvent<MimeMessage> mail = new RecordingEvent<>();
  private volatile Optional<String> signedIn = Optional.of("coordinator@aasr.test");

  @BeforeEach
  void database() {
    db = new VolunteerDatabase();
    db.migrate();
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Runs one service call in a transaction of its own; an exception rolls it back. */
  private <T> T call(Function<DefaultVolunteerCoordination, T> work) {
    EntityManager em = db.entityManager();
    try {
      em.getTransaction().begin();
      T result =
          work.apply(
              new DefaultVolunteerCoordination(
                  em,
                  CLOCK,
                  () -> signedIn,
                  new Bookings(em, CLOCK, changes, mail),
                  changes,
                  mail));
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  private void run(java.util.function.Consumer<DefaultVolunteerCoordination> work) {
    call(
        c -> {
          work.accept(c);
          return null;
        });
  }

  private static OpportunityForm opportunity(String title, String country, String region) {
    return new OpportunityForm(
        null,
        0,
        title,
        "",
        "Help at our events.",
        "Greeting people.\n\nSetting up.",
        PlaceKind.IN_PERSON,
        country,
        region,
        "A few hours",
        null);
  }

  private long openOpportunity() {
    OpportunityForm saved = call(c -> c.saveOpportunity(opportunity("Event day", "US", "OH")));
    run(c -> c.publish(saved.id()));
    return saved.id();
  }

  private static ShiftForm shift(int daysAhead, int capacity) {
    LocalDateTime start = NOW_UTC.plusDays(daysAhead).withHour(10).withMinute(0);
    return new ShiftForm(start, start.plusHours(3), TORONTO, capacity);
  }

  /** Inserts a volunteer, confirmed or not, with interests; returns their id. */
  private long volunteer(
      long id,
      String name,
      boolean confirmed,
      String country,
      String region,
      String skills,
      Interest... interests) {
    db.update(
        "INSERT INTO volunteer (id, full_name, email, email_key, country, region, skills, status,"
            + " confirmed_at, created_at, updated_at) VALUES ("
            + id
            + ", '"
            + name.replace("'", "''")
            + "', 'v"
            + id
            + "@example.org', 'v"
            + id
            + "@example.org', '"
            + country
            + "', '"
            + region
            + "', "
            + (skills == null ? "NULL" : "'" + skills.replace("'", "''") + "'")
            + ", 'NEW', "
            + (confirmed ? "CURRENT_TIMESTAMP" : "NULL")
            + ", TIMESTAMP('2026-11-"
            + (10 + id % 19)
            + " 10:00:00'), CURRENT_TIMESTAMP)");
    for (Interest i : interests) {
      db.update(
          "INSERT INTO volunteer_interest (volunteer_id, interest) VALUES ("
              + id
              + ", '"
              + i
              + "')");
    }
    return id;
  }

  private long taken(long shiftId) {
    return db.count("SELECT taken FROM shift WHERE id = " + shiftId);
  }

  private long capacity(long shiftId) {
    return db.count("SELECT capacity FROM shift WHERE id = " + shiftId);
  }

  private List<VolunteerAction> audited() {
    return changes.fired.stream().map(VolunteerChanged::action).toList();
  }

  // Access.

  @Test
  void everyoneButCoordinatorsIsRefusedAndNothingIsStored() {
    long opportunities = db.count("SELECT COUNT(*) FROM opportunity");
    signedIn = Optional.empty();

    assertThrows(SecurityException.class, () -> call(c -> c.opportunities()));
    assertThrows(
        SecurityException.class, () -> call(c -> c.saveOpportunity(opportunity("X", null, null))));
    assertThrows(SecurityException.class, () -> call(c -> c.volunteers(VolunteerFilter.ALL, 0, 9)));
    assertThrows(SecurityException.class, () -> call(c -> c.waitingForContact(9)));
    assertThrows(SecurityException.class, () -> call(c -> c.shiftsLackingPeople(7)));
    assertThrows(SecurityException.class, () -> call(c -> c.exportCsv(VolunteerFilter.ALL)));
    assertThrows(
        SecurityException.class,
        () -> run(c -> c.changeStatus(1, VolunteerStatus.CONTACTED, "Called")));
    assertEquals(opportunities, db.count("SELECT COUNT(*) FROM opportunity"));
    assertTrue(changes.fired.isEmpty());
  }

  // Opportunities.

  @Test
  void aNewOpportunityIsADraftWithAnAddressMadeFromItsTitleAndIsAudited() {
    OpportunityForm saved =
        call(c -> c.saveOpportunity(opportunity("Café & Stories (Ohio)", "US", "OH")));

    assertEquals("cafe-stories-ohio", saved.slug());
    assertEquals(OpportunityStatus.DRAFT, saved.status());
    assertEquals(List.of(VolunteerAction.OPPORTUNITY_CREATED), audited());
    assertEquals("coordinator@aasr.test", changes.fired.get(0).actor());
  }

  @Test
  void publishingAndClosingChangeWhatVisitorsSeeAndAreAudited() {
    long id = openOpportunity();
    assertEquals("OPEN", call(c -> c.opportunity(id)).map(o -> o.status().name()).orElseThrow());

    run(c -> c.close(id));

    assertEquals(OpportunityStatus.CLOSED, call(c -> c.opportunity(id)).orElseThrow().status());
    assertEquals(
        List.of(
            VolunteerAction.OPPORTUNITY_CREATED,
            VolunteerAction.OPPORTUNITY_PUBLISHED,
            VolunteerAction.OPPORTUNITY_CLOSED),
        audited());
  }

  @Test
  void badOpportunityInputIsRefusedByFieldAndNothingIsStored() {
    long before = db.count("SELECT COUNT(*) FROM opportunity");
    OpportunityForm bad =
        new OpportunityForm(
            null, 0, " ", "Not An Address", "", "x", null, "CA", "NY", "y".repeat(201), null);

    CoordinationRejectedException e =
        assertThrows(CoordinationRejectedException.class, () -> call(c -> c.saveOpportunity(bad)));

    assertEquals(
        Set.of("title", "summary", "placeKind", "region", "timeAsked"), e.errors().keySet());
    assertEquals(before, db.count("SELECT COUNT(*) FROM opportunity"));
    assertTrue(changes.fired.isEmpty());
  }

  @Test
  void anAddressTakenByAnotherOpportunityIsRefusedNextToTheAddress() {
    OpportunityForm taken =
        new OpportunityForm(
            null,
            0,
            "Events again",
            "event-support",
            "S",
            "I",
            PlaceKind.REMOTE,
            null,
            null,
            "T",
            null);

    CoordinationRejectedException e =
        assertThrows(
            CoordinationRejectedException.class, () -> call(c -> c.saveOpportunity(taken)));

    assertTrue(e.errors().get("slug").contains("event-support"), e.errors().toString());
  }

  @Test
  void savingOverSomeoneElsesNewerSaveIsRefused() {
    OpportunityForm opened = call(c -> c.opportunity(1)).orElseThrow();
    run(c -> c.saveOpportunity(opened));

    CoordinationRejectedException e =
        assertThrows(
            CoordinationRejectedException.class, () -> call(c -> c.saveOpportunity(opened)));

    assertTrue(e.errors().containsKey(CoordinationRejectedException.WHOLE_FORM));
  }

  // Shifts.

  @Test
  void aShiftIsStoredInUtcAndShownInItsOwnZone() {
    long o = openOpportunity();

    ShiftInfo s = call(c -> c.addShift(o, shift(3, 4)));

    assertEquals(ZoneId.of(TORONTO), s.timeZone());
    assertEquals(10, s.localStart().getHour());
    assertEquals(Instant.parse("2026-12-04T15:00:00Z"), s.startsAt(), "10:00 EST is 15:00 UTC");
    assertEquals(List.of(s), call(c -> c.shifts(o)));
  }

  @Test
  void badShiftsAreRefusedByField() {
    long o = openOpportunity();
    LocalDateTime start = NOW_UTC.minusDays(1);

    CoordinationRejectedException e =
        assertThrows(
            CoordinationRejectedException.class,
            () ->
                call(
                    c -> c.addShift(o, new ShiftForm(start, start.minusHours(1), "Mars/Base", 0))));

    assertEquals(Set.of("timeZone", "end", "capacity"), e.errors().keySet());
    CoordinationRejectedException past =
        assertThrows(
            CoordinationRejectedException.class,
            () -> call(c -> c.addShift(o, new ShiftForm(start, start.plusHours(1), TORONTO, 3))));
    assertEquals(Set.of("start"), past.errors().keySet());
    assertEquals(0, db.count("SELECT COUNT(*) FROM shift"));
  }

  @Test
  void aShiftsCapacityCannotDropBelowThePlacesTaken() {
    long o = openOpportunity();
    long shift = call(c -> c.addShift(o, shift(3, 8))).id();
    for (long v = 1; v <= 5; v++) {
      volunteer(v, "V" + v, true, "US", "OH", null, Interest.EVENTS);
      long id = v;
      assertEquals(BookingOutcome.BOOKED, call(c -> c.assign(id, shift)));
    }

    CoordinationRejectedException e =
        assertThrows(
            CoordinationRejectedException.class,
            () -> call(c -> c.changeShift(shift, shift(3, 4))));

    assertEquals(
        "5 places are already taken on this shift: its capacity cannot be fewer than 5. Cancel"
            + " bookings first to make it smaller.",
        e.errors().get("capacity"));
    assertEquals(8, capacity(shift), "nothing changed");
    assertEquals(5, call(c -> c.changeShift(shift, shift(3, 5))).capacity(), "exactly taken fits");
  }

  @Test
  void raisingTheCapacityGivesTheNewPlacesToTheWaitlistInOrder() {
    long o = openOpportunity();
    long shift = call(c -> c.addShift(o, shift(3, 1))).id();
    for (long v = 1; v <= 3; v++) {
      volunteer(v, "V" + v, true, "US", "OH", null, Interest.EVENTS);
      long id = v;
      run(c -> c.assign(id, shift));
    }
    mail.fired.clear();

    ShiftInfo after = call(c -> c.changeShift(shift, shift(3, 2)));

    assertEquals(2, after.taken());
    assertEquals(
        1,
        db.count(
            "SELECT COUNT(*) FROM booking WHERE shift_id = " + shift + " AND volunteer_id = 2"));
    assertEquals(1, db.count("SELECT COUNT(*) FROM waitlist_entry WHERE volunteer_id = 3"));
    assertEquals(1, mail.fired.size(), "the one promoted is told");
  }

  @Test
  void aCapacityChangeAndBookingsAtTheSameMomentNeverLeaveMoreTakenThanCapacity() throws Exception {
    long o = openOpportunity();
    for (long v = 1; v <= 12; v++) {
      volunteer(v, "V" + v, true, "US", "OH", null, Interest.EVENTS);
    }
    for (int r = 0; r < 4; r++) {
      int round = r;
      long shift = call(c -> c.addShift(o, shift(3 + round, 12))).id();
      List<Callable<Object>> tasks = new ArrayList<>();
      for (long v = 1; v <= 10; v++) {
        long id = v;
        tasks.add(() -> call(c -> c.assign(id, shift)));
      }
      tasks.add(
          () -> {
            try {
              return call(c -> c.changeShift(shift, shift(3 + round, 6)));
            } catch (CoordinationRejectedException refused) {
              return refused;
            }
          });

      List<Object> results = allAtOnce(tasks);

      Object change = results.get(results.size() - 1);
      long taken = taken(shift);
      long capacity = capacity(shift);
      assertTrue(taken <= capacity, "round " + round + ": " + taken + " > " + capacity);
      assertEquals(taken, db.count("SELECT COUNT(*) FROM booking WHERE shift_id = " + shift));
      if (change instanceof ShiftInfo) {
        assertEquals(6, capacity, "round " + round);
        assertEquals(6, taken, "the six places filled, the others waitlisted");
        assertEquals(4, db.count("SELECT COUNT(*) FROM waitlist_entry WHERE shift_id = " + shift));
      } else {
        assertEquals(12, capacity, "round " + round + ": refused, so unchanged");
        assertEquals(10, taken);
        assertTrue(
            ((CoordinationRejectedException) change)
                .errors()
                .get("capacity")
                .contains("already taken"));
      }
    }
  }

  @Test
  void aShiftWithPeopleBookedIsNotRemovedButAnEmptyOneIs() {
    long o = openOpportunity();
    long booked = call(c -> c.addShift(o, shift(3, 2))).id();
    long empty = call(c -> c.addShift(o, shift(4, 2))).id();
    volunteer(1, "V1", true, "US", "OH", null, Interest.EVENTS);
    run(c -> c.assign(1, booked));

    assertThrows(CoordinationRejectedException.class, () -> run(c -> c.removeShift(booked)));
    run(c -> c.removeShift(empty));

    assertEquals(1, db.count("SELECT COUNT(*) FROM shift"));
    assertTrue(audited().contains(VolunteerAction.SHIFT_REMOVED));
  }

  @Test
  void theWeeksShiftsLackingPeopleAreThoseOfOpenOpportunitiesWithPlacesLeftInSevenDays() {
    long o = openOpportunity();
    long soon = call(c -> c.addShift(o, shift(2, 1))).id();
    long full = call(c -> c.addShift(o, shift(3, 1))).id();
    call(c -> c.addShift(o, shift(9, 1)));
    OpportunityForm draft = call(c -> c.saveOpportunity(opportunity("Draft day", null, null)));
    call(c -> c.addShift(draft.id(), shift(2, 1)));
    volunteer(1, "V1", true, "US", "OH", null, Interest.EVENTS);
    run(c -> c.assign(1, full));

    List<Long> lacking =
        call(c -> c.shiftsLackingPeople(7)).stream().map(n -> n.shift().id()).toList();

    assertEquals(List.of(soon), lacking);
  }

  // Volunteers.

  @Test
  void theStatusWorkflowAllowsOnlyItsStepsEachWithANoteKeptAsHistory() {
    volunteer(1, "Ada", true, "US", "OH", null, Interest.EVENTS);

    CoordinationRejectedException skip =
        assertThrows(
            CoordinationRejectedException.class,
            () -> run(c -> c.changeStatus(1, VolunteerStatus.ACTIVE, "Straight in")));
    assertTrue(skip.errors().get("status").contains("cannot become active"), skip.getMessage());
    CoordinationRejectedException noNote =
        assertThrows(
            CoordinationRejectedException.class,
            () -> run(c -> c.changeStatus(1, VolunteerStatus.CONTACTED, "  ")));
    assertEquals(Set.of("note"), noNote.errors().keySet());

    run(c -> c.changeStatus(1, VolunteerStatus.CONTACTED, "Phoned, keen on events"));
    run(c -> c.changeStatus(1, VolunteerStatus.ACTIVE, "First shift booked"));
    run(c -> c.changeStatus(1, VolunteerStatus.INACTIVE, "Moving away"));
    run(c -> c.changeStatus(1, VolunteerStatus.ACTIVE, "Back again"));
    run(c -> c.changeStatus(1, VolunteerStatus.DECLINED, "Asked to stop"));

    assertThrows(
        CoordinationRejectedException.class,
        () -> run(c -> c.changeStatus(1, VolunteerStatus.ACTIVE, "Again?")));
    VolunteerDetail detail = call(c -> c.volunteer(1)).orElseThrow();
    assertEquals(VolunteerStatus.DECLINED, detail.row().status());
    assertEquals(
        List.of(
            "Asked to stop",
            "Back again",
            "Moving away",
            "First shift booked",
            "Phoned, keen on events"),
        detail.notes().stream().map(n -> n.note()).toList(),
        "newest first, none lost");
    assertEquals(VolunteerStatus.NEW, detail.notes().get(4).from());
    assertEquals("coordinator@aasr.test", detail.notes().get(0).author());
    assertEquals(
        5, audited().stream().filter(a -> a == VolunteerAction.VOLUNTEER_STATUS_CHANGED).count());
  }

  @Test
  void anUnconfirmedVolunteerIsNeitherContactedNorAssignedNorEmailedButMayBeDeclined() {
    long o = openOpportunity();
    long shift = call(c -> c.addShift(o, shift(3, 4))).id();
    volunteer(1, "Unconfirmed", false, "US", "OH", null, Interest.EVENTS);
    mail.fired.clear();

    CoordinationRejectedException e =
        assertThrows(
            CoordinationRejectedException.class,
            () -> run(c -> c.changeStatus(1, VolunteerStatus.CONTACTED, "Emailed")));
    assertTrue(e.errors().get("status").contains("not confirmed"));
    assertEquals(BookingOutcome.NOT_CONFIRMED, call(c -> c.assign(1, shift)));

    assertEquals(0, taken(shift));
    assertTrue(mail.fired.isEmpty(), "no email to someone who has not confirmed");
    assertFalse(call(c -> c.volunteer(1)).orElseThrow().row().confirmed());
    run(c -> c.changeStatus(1, VolunteerStatus.DECLINED, "Never confirmed"));
  }

  @Test
  void aConfirmedVolunteerAssignedToAShiftIsBookedAndEmailed() throws Exception {
    long o = openOpportunity();
    long shift = call(c -> c.addShift(o, shift(3, 4))).id();
    volunteer(1, "Ada", true, "US", "OH", null, Interest.EVENTS);

    assertEquals(BookingOutcome.BOOKED, call(c -> c.assign(1, shift)));

    assertEquals(1, taken(shift));
    assertEquals(1, mail.fired.size());
    assertEquals("Your volunteer shift: Event day", mail.fired.get(0).getSubject());
    assertEquals("v1@example.org", mail.fired.get(0).getAllRecipients()[0].toString());
    assertEquals(1, call(c -> c.volunteer(1)).orElseThrow().shifts().size());
  }

  @Test
  void unassigningFreesThePlaceForTheFirstWaitingWhoIsEmailed() {
    long o = openOpportunity();
    long shift = call(c -> c.addShift(o, shift(3, 1))).id();
    volunteer(1, "Ada", true, "US", "OH", null, Interest.EVENTS);
    volunteer(2, "Bo", true, "US", "OH", null, Interest.EVENTS);
    assertEquals(BookingOutcome.BOOKED, call(c -> c.assign(1, shift)));
    assertEquals(BookingOutcome.WAITLISTED, call(c -> c.assign(2, shift)));
    mail.fired.clear();

    assertTrue(call(c -> Boolean.valueOf(c.unassign(1, shift))).booleanValue());

    assertEquals(1, taken(shift));
    assertEquals(
        1,
        db.count(
            "SELECT COUNT(*) FROM booking WHERE shift_id = " + shift + " AND volunteer_id = 2"));
    assertEquals(1, mail.fired.size(), "the one waiting is told");
    assertFalse(call(c -> Boolean.valueOf(c.unassign(1, shift))).booleanValue(), "once");
    assertTrue(audited().contains(VolunteerAction.SHIFT_CANCELLED));
  }

  @Test
  void hoursAreTotalledPerVolunteerAndPerMonth() {
    volunteer(1, "Ada", true, "US", "OH", null, Interest.EVENTS);
    volunteer(2, "Bo", true, "US", "OH", null, Interest.EVENTS);
    run(c -> c.logHours(1, new HoursForm(LocalDate.of(2026, 11, 30), 90, 1L)));
    run(c -> c.logHours(1, new HoursForm(LocalDate.of(2026, 11, 1), 30, null)));
    run(c -> c.logHours(1, new HoursForm(LocalDate.of(2026, 12, 1), 60, null)));
    run(c -> c.logHours(2, new HoursForm(LocalDate.of(2026, 12, 1), 45, null)));

    VolunteerDetail ada = call(c -> c.volunteer(1)).orElseThrow();

    assertEquals(180, ada.totalMinutes());
    assertEquals("3 h", ada.totalDuration());
    assertEquals(
        List.of(
            new MonthTotal(YearMonth.of(2026, 12), 60),
            new MonthTotal(YearMonth.of(2026, 11), 120)),
        ada.monthTotals());
    assertEquals("Event support", ada.hours().get(1).opportunityTitle());
    // Erasure unlinks hours from the person (volunteer_id NULL) and the totals stay.
    db.update("UPDATE volunteer_hours SET volunteer_id = NULL WHERE volunteer_id = 2");
    assertEquals(
        List.of(
            new MonthTotal(YearMonth.of(2026, 12), 105),
            new MonthTotal(YearMonth.of(2026, 11), 120)),
        call(c -> c.hoursByMonth(12)));
  }

  @Test
  void hoursInTheFutureOrOfNoLengthAreRefusedByField() {
    volunteer(1, "Ada", true, "US", "OH", null, Interest.EVENTS);

    CoordinationRejectedException e =
        assertThrows(
            CoordinationRejectedException.class,
            () -> run(c -> c.logHours(1, new HoursForm(LocalDate.of(2026, 12, 2), 0, 999L))));

    assertEquals(Set.of("workedOn", "minutes", "opportunity"), e.errors().keySet());
    assertEquals(0, db.count("SELECT COUNT(*) FROM volunteer_hours"));
  }

  @Test
  void theListFiltersInTheDatabaseByStatusInterestPlaceAndSkill() {
    volunteer(1, "Ada", true, "US", "OH", "Public speaking, Spanish", Interest.EVENTS);
    volunteer(2, "Bo", true, "US", "NY", "Design", Interest.ADVOCACY, Interest.EVENTS);
    volunteer(3, "Cy", false, "CA", "ON", "spanish tutoring", Interest.OUTREACH);
    volunteer(4, "Di", true, "CA", "ON", null, Interest.EVENTS);
    run(c -> c.changeStatus(4, VolunteerStatus.CONTACTED, "Called"));

    assertEquals(List.of(4L, 3L, 2L, 1L), ids(VolunteerFilter.ALL));
    assertEquals(
        List.of(4L), ids(new VolunteerFilter(VolunteerStatus.CONTACTED, null, null, null, null)));
    assertEquals(
        List.of(4L, 2L, 1L), ids(new VolunteerFilter(null, Interest.EVENTS, null, null, null)));
    assertEquals(List.of(4L, 3L), ids(new VolunteerFilter(null, null, "CA", null, null)));
    assertEquals(List.of(2L), ids(new VolunteerFilter(null, null, "US", "NY", null)));
    assertEquals(List.of(3L, 1L), ids(new VolunteerFilter(null, null, null, null, "SPANISH")));
    assertEquals(List.of(), ids(new VolunteerFilter(null, null, null, null, "%")));
    assertEquals(
        List.of(1L),
        ids(new VolunteerFilter(VolunteerStatus.NEW, Interest.EVENTS, "US", "OH", "speaking")));
    assertEquals(
        2L, (long) call(c -> c.countVolunteers(new VolunteerFilter(null, null, "CA", null, null))));
    assertEquals(
        List.of(3L, 2L),
        call(c -> c.volunteers(VolunteerFilter.ALL, 1, 2)).stream().map(VolunteerRow::id).toList(),
        "a page at a time");
  }

  private List<Long> ids(VolunteerFilter filter) {
    return call(c -> c.volunteers(filter, 0, 50)).stream().map(VolunteerRow::id).toList();
  }

  @Test
  void signUpsWaitingForContactAreConfirmedAndNew() {
    volunteer(1, "Ada", true, "US", "OH", null, Interest.EVENTS);
    volunteer(2, "Bo", false, "US", "OH", null, Interest.EVENTS);
    volunteer(3, "Cy", true, "US", "OH", null, Interest.EVENTS);
    run(c -> c.changeStatus(3, VolunteerStatus.CONTACTED, "Called"));

    assertEquals(
        List.of(1L), call(c -> c.waitingForContact(10)).stream().map(VolunteerRow::id).toList());
  }

  @Test
  void theCsvExportHasTheFilteredRowsWithFormulasMadeTextAndIsAudited() {
    volunteer(
        1,
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        true,
        "US",
        "OH",
        "+1 555, -2",
        Interest.EVENTS);
    volunteer(2, "@SUM(A1)", true, "CA", "ON", "ok", Interest.EVENTS);

    String csv = call(c -> c.exportCsv(new VolunteerFilter(null, null, "US", null, null)));

    String[] lines = csv.split("\r\n");
    assertEquals(2, lines.length, csv);
    assertEquals(
        "id,name,email,confirmed,status,country,state_or_province,interests,skills,signed_up_utc",
        lines[0]);
    assertTrue(
        lines[1].startsWith(
            "1,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",v1@example.org,yes,NEW,US,OH,"
                + "Helping at events,\"'+1 555, -2\","),
        lines[1]);
    assertFalse(csv.contains("@SUM"), "filtered out");
    assertEquals(VolunteerAction.VOLUNTEERS_EXPORTED, audited().get(0));
    assertTrue(changes.fired.get(0).summary().startsWith("1 volunteers exported"));
    assertFalse(changes.fired.get(0).summary().contains("v1@example.org"));
  }

  @Test
  void aCsvCellStartingWithAFormulaSignIsMadeText() {
    for (String cell : List.of("=1+1", "+1", "-1", "@x", "\tx", "\rx")) {
      assertEquals("'" + cell, VolunteerCsv.neutralised(cell), cell);
    }
    assertEquals("a=1", VolunteerCsv.neutralised("a=1"));
    assertEquals("\"a,\"\"b\"\"\"", VolunteerCsv.quoted("a,\"b\""));
  }

  /** Starts all tasks at the same instant on their own threads and waits for every result. */
  private static <T> List<T> allAtOnce(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
