package org.aasr.volunteers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.aasr.volunteers.api.BookingOutcome;
import org.aasr.volunteers.api.OpportunityStatus;
import org.aasr.volunteers.api.PlaceKind;
import org.aasr.volunteers.api.VolunteerChanged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Booking, the waitlist and cancellations under real concurrency: real threads, each with its own
 * entity manager and transaction, on one embedded Derby database.
 */
class BookingsTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final LocalDateTime NOW_UTC = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC);

  private VolunteerDatabase db;
  private final RecordingEvent<VolunteerChanged> changes = new RecordingEvent<>();
  private final RecordingEvent<MimeMessage> mail = new RecordingEvent<>();
  private long shiftId;

  @BeforeEach
  void shiftOfEightPlaces() {
    db = new VolunteerDatabase();
    db.migrate();
    EntityManager em = db.entityManager();
    em.getTransaction().begin();
    Opportunity o = new Opportunity("event-day", "Event day", PlaceKind.IN_PERSON, NOW_UTC);
    o.setStatus(OpportunityStatus.OPEN, NOW_UTC);
    em.persist(o);
    Shift shift =
        new Shift(
            o,
            NOW_UTC.plusDays(3),
            NOW_UTC.plusDays(3).plusHours(3),
            ZoneId.of("America/Toronto"),
            8);
    em.persist(shift);
    em.getTransaction().commit();
    shiftId = shift.getId();
    em.close();
    for (int i = 1; i <= 30; i++) {
      db.update(
          "INSERT INTO volunteer (id, full_name, email, email_key, status, confirmed_at,"
              + " created_at, updated_at) VALUES ("
              + i
              + ", 'Volunteer "
              + i
              + "', 'v"
              + i
              + "@example.org', 'v"
              + i
              + "@example.org', 'NEW', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    }
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Runs one booking service call in a transaction of its own, as a request would. */
  private <T> T inOwnTransaction(java.util.function.Function<Bookings, T> work) {
    EntityManager em = db.entityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(new Bookings(em, Clock.fixed(NOW, ZoneOffset.UTC), changes, mail));
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  private BookingOutcome book(long volunteer) {
    return inOwnTransaction(b -> b.book(shiftId, volunteer, "visitor"));
  }

  private boolean cancel(long volunteer) {
    return inOwnTransaction(b -> Boolean.valueOf(b.cancel(shiftId, volunteer, "visitor")));
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

  private long taken() {
    return db.count("SELECT taken FROM shift WHERE id = " + shiftId);
  }

  private long bookings() {
    return db.count("SELECT COUNT(*) FROM booking WHERE shift_id = " + shiftId);
  }

  private long waiting() {
    return db.count("SELECT COUNT(*) FROM waitlist_entry WHERE shift_id = " + shiftId);
  }

  /** Books volunteers 1 to 3, then 4 to 23 all at once for the last five places. */
  private Map<BookingOutcome, Integer> twentyForTheLastFive() throws Exception {
    for (long v = 1; v <= 3; v++) {
      assertEquals(BookingOutcome.BOOKED, book(v));
    }
    List<Callable<BookingOutcome>> tasks = new ArrayList<>();
    for (long v = 4; v <= 23; v++) {
      long volunteer = v;
      tasks.add(() -> book(volunteer));
    }
    Map<BookingOutcome, Integer> outcomes = new EnumMap<>(BookingOutcome.class);
    for (BookingOutcome outcome : allAtOnce(tasks)) {
      outcomes.merge(outcome, 1, Integer::sum);
    }
    return outcomes;
  }

  @Test
  void twentyPeopleTakingTheLastFivePlacesAtOnceGetFiveBookedAndFifteenWaitlisted()
      throws Exception {
    Map<BookingOutcome, Integer> outcomes = twentyForTheLastFive();

    assertEquals(Map.of(BookingOutcome.BOOKED, 5, BookingOutcome.WAITLISTED, 15), outcomes);
    assertEquals(8, taken());
    assertEquals(8, bookings(), "never more bookings than places");
    assertEquals(15, waiting());
  }

  @Test
  void bookingTwiceChangesNothing() {
    assertEquals(BookingOutcome.BOOKED, book(1));
    assertEquals(BookingOutcome.ALREADY_BOOKED, book(1));
    assertEquals(1, taken());
  }

  @Test
  void anUnconfirmedVolunteerCannotBook() {
    db.update("UPDATE volunteer SET confirmed_at = NULL WHERE id = 1");

    assertEquals(BookingOutcome.NOT_CONFIRMED, book(1));
    assertEquals(0, taken());
  }

  @Test
  void aDeclinedVolunteerTakesNoShiftNorWaitlistPlace() {
    db.update("UPDATE volunteer SET status = 'DECLINED' WHERE id = 1");
    db.update("UPDATE shift SET taken = capacity");

    assertEquals(BookingOutcome.DECLINED, book(1));
    db.update("UPDATE shift SET taken = 0");
    assertEquals(BookingOutcome.DECLINED, book(1));
    assertEquals(0, taken());
    assertEquals(
        0L, db.count("SELECT COUNT(*) FROM waitlist_entry WHERE volunteer_id = 1"), "no waitlist");
  }

  @Test
  void aClosedShiftCannotBeBooked() {
    db.update("UPDATE shift SET closed = TRUE");

    assertEquals(BookingOutcome.NOT_BOOKABLE, book(1));
    assertEquals(0, taken());
  }

  @Test
  void aCancellationHandsThePlaceToTheFirstWaitingWithAnEmail() throws Exception {
    for (long v = 1; v <= 8; v++) {
      book(v);
    }
    assertEquals(BookingOutcome.WAITLISTED, book(9));
    assertEquals(BookingOutcome.WAITLISTED, book(10));

    assertTrue(cancel(4));

    assertEquals(8, taken());
    assertEquals(1, db.count("SELECT COUNT(*) FROM booking WHERE volunteer_id = 9"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM booking WHERE volunteer_id = 10"));
    assertEquals(1, waiting());
    assertEquals(1, mail.fired.size());
    MimeMessage message = mail.fired.get(0);
    assertEquals("v9@example.org", message.getAllRecipients()[0].toString());
    assertEquals("You have a place: Event day", message.getSubject());
    assertTrue(((String) message.getContent()).contains("EST"), "the time says its zone");
  }

  @Test
  void cancellingTheSamePlaceTwiceAtOnceHandsItOnOnce() throws Exception {
    for (long v = 1; v <= 8; v++) {
      book(v);
    }
    for (long v = 9; v <= 12; v++) {
      book(v);
    }

    List<Callable<Boolean>> tasks = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      tasks.add(() -> cancel(1));
    }
    List<Boolean> results = allAtOnce(tasks);

    assertEquals(1, results.stream().filter(r -> r).count(), "one cancellation took effect");
    assertEquals(8, taken());
    assertEquals(8, bookings());
    assertEquals(3, waiting(), "exactly one person was promoted");
    assertEquals(1, mail.fired.size());
  }

  @Test
  void cancellationsOfDifferentPlacesAtOnceEachPromoteADifferentPersonInOrder() throws Exception {
    twentyForTheLastFive();
    long thirdWaiting =
        db.count(
            "SELECT MIN(id) FROM waitlist_entry w"
                + " WHERE (SELECT COUNT(*) FROM waitlist_entry x WHERE x.id < w.id) = 2");

    List<Callable<Boolean>> tasks = new ArrayList<>();
    for (long v = 1; v <= 3; v++) {
      long volunteer = v;
      tasks.add(() -> cancel(volunteer));
    }
    allAtOnce(tasks);

    assertEquals(8, taken());
    assertEquals(8, bookings());
    assertEquals(12, waiting());
    assertEquals(3, mail.fired.size());
    assertEquals(
        0,
        db.count("SELECT COUNT(*) FROM waitlist_entry WHERE id <= " + thirdWaiting),
        "the three who waited longest got the places, in order");
  }
}
