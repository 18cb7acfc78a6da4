package org.aasr.volunteers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.aasr.volunteers.api.OpportunityStatus;
import org.aasr.volunteers.api.PlaceKind;
import org.aasr.volunteers.api.VolunteerAction;
import org.aasr.volunteers.api.VolunteerChanged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shift reminders: when they are due, their .ics, and that each is sent exactly once. */
class RemindersTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final LocalDateTime NOW_UTC = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC);

  private VolunteerDatabase db;
  private final RecordingEvent<VolunteerChanged> changes = new RecordingEvent<>();
  private final RecordingEvent<MimeMessage> mail = new RecordingEvent<>();
  private long tomorrow;
  private long nextWeek;

  @BeforeEach
  void shiftsWithBookings() {
    db = new VolunteerDatabase();
    db.migrate();
    EntityManager em = db.entityManager();
    em.getTransaction().begin();
    Opportunity o = new Opportunity("event-day", "Event day", PlaceKind.IN_PERSON, NOW_UTC);
    o.describe("A day", "Helping", "CA", "ON", "A day");
    o.setStatus(OpportunityStatus.OPEN, NOW_UTC);
    em.persist(o);
    // Tomorrow 10:30 in Toronto (EST, UTC-5), and a week later.
    Shift soon =
        new Shift(
            o,
            NOW_UTC.plusHours(20).plusMinutes(30),
            NOW_UTC.plusHours(23).plusMinutes(30),
            ZoneId.of("America/Toronto"),
            10);
    Shift later =
        new Shift(o, NOW_UTC.plusDays(7), NOW_UTC.plusDays(7).plusHours(2), ZoneId.of("UTC"), 10);
    em.persist(soon);
    em.persist(later);
    em.getTransaction().commit();
    tomorrow = soon.getId();
    nextWeek = later.getId();
    em.close();
    for (int i = 1; i <= 3; i++) {
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
    book(1, tomorrow);
    book(2, nextWeek);
  }

  private void book(long volunteer, long shift) {
    db.update(
        "INSERT INTO booking (shift_id, volunteer_id, booked_at) VALUES ("
            + shift
            + ", "
            + volunteer
            + ", CURRENT_TIMESTAMP)");
    db.update("UPDATE shift SET taken = taken + 1 WHERE id = " + shift);
  }

  private long bookingOf(long volunteer) {
    return db.count("SELECT id FROM booking WHERE volunteer_id = " + volunteer);
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** One call in a transaction of its own, as the container runs {@link Reminders#send}. */
  private <T> T inOwnTransaction(Instant now, Function<Reminders, T> work) {
    EntityManager em = db.entityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(new Reminders(em, Clock.fixed(now, ZoneOffset.UTC), changes, mail, 24));
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  /** A poll as the schedule makes it: the due bookings, each sent in its own transaction. */
  private int poll(Instant now) {
    int sent = 0;
    for (long booking : inOwnTransaction(now, Reminders::due)) {
      if (inOwnTransaction(now, r -> r.send(booking))) {
        sent++;
      }
    }
    return sent;
  }

  @Test
  void onlyABookingWhoseShiftStartsWithinTheLeadTimeIsDue() {
    assertEquals(List.of(bookingOf(1)), inOwnTransaction(NOW, Reminders::due));
    assertEquals(
        List.of(bookingOf(2)),
        inOwnTransaction(NOW.plusSeconds(6 * 86_400 + 60), Reminders::due),
        "next week's is due a day before; tomorrow's has started by then");
  }

  @Test
  void aReminderIsSentOnceAcrossPollsAndRestarts() {
    assertEquals(1, poll(NOW));
    assertEquals(0, poll(NOW), "a second poll sends nothing");
    assertEquals(0, poll(NOW.plusSeconds(600)), "nor does a poll after a restart");

    assertEquals(1, mail.fired.size());
    assertEquals(
        1,
        db.count(
            "SELECT COUNT(*) FROM booking WHERE reminder_sent_at IS NOT NULL AND reminded = TRUE"));
    VolunteerChanged audit = changes.fired.get(0);
    assertEquals(VolunteerAction.SHIFT_REMINDER_SENT, audit.action());
    assertEquals("shift " + tomorrow, audit.subjectId());
  }

  @Test
  void twentyInstancesClaimingOneReminderAtOnceSendItExactlyOnce() throws Exception {
    long booking = bookingOf(1);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        Callable<Boolean> claim =
            () -> {
              start.await();
              return inOwnTransaction(NOW, r -> r.send(booking));
            };
        results.add(pool.submit(claim));
      }
      start.countDown();
      int sent = 0;
      for (Future<Boolean> result : results) {
        if (result.get(120, TimeUnit.SECONDS)) {
          sent++;
        }
      }
      assertEquals(1, sent);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, mail.fired.size());
  }

  @Test
  void erasedVolunteersAndCancelledOrClosedShiftsGetNoReminder() {
    book(3, tomorrow);
    db.update("UPDATE volunteer SET erased_at = CURRENT_TIMESTAMP WHERE id = 3");
    db.update("DELETE FROM booking WHERE volunteer_id = 1");

    assertEquals(0, poll(NOW));
    book(1, tomorrow);
    db.update("UPDATE shift SET closed = TRUE WHERE id = " + tomorrow);
    assertEquals(0, poll(NOW));
  }

  @Test
  void theReminderCarriesTheShiftAsAParsableIcsInItsOwnTimeZone() throws Exception {
    poll(NOW);
    MimeMessage message = mail.fired.get(0);

    assertEquals("v1@example.org", message.getAllRecipients()[0].toString());
    assertEquals("Reminder: Event day, Wednesday, December 2", message.getSubject());
    MimeMultipart parts = (MimeMultipart) message.getContent();
    String text = (String) parts.getBodyPart(0).getContent();
    assertTrue(text.contains("Wednesday, December 2, 2026, 1:30 AM to 4:30 AM EST"), text);
    BodyPart attachment = parts.getBodyPart(1);
    assertEquals("shift.ics", attachment.getFileName());
    assertTrue(
        attachment.getContentType().startsWith("text/calendar"), attachment.getContentType());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    attachment.getDataHandler().writeTo(bytes);
    String ics = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(ics.contains("TZID:America/Toronto"), ics);
    assertTrue(ics.contains("DTSTART;TZID=America/Toronto:20261202T013000"), ics);
    assertTrue(ics.contains("RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3"), ics);
    ICalendar calendar = Biweekly.parse(ics).first();
    assertNotNull(calendar, ics);
    VEvent event = calendar.getEvents().get(0);
    assertEquals("booking-" + bookingOf(1) + "@volunteers.aasr", event.getUid().getValue());
    assertEquals("Event day", event.getSummary().getValue());
    assertEquals("In person in Ontario, Canada", event.getLocation().getValue());
    assertEquals(
        Instant.parse("2026-12-02T06:30:00Z"), event.getDateStart().getValue().toInstant());
    assertEquals(Instant.parse("2026-12-02T09:30:00Z"), event.getDateEnd().getValue().toInstant());
  }
}
