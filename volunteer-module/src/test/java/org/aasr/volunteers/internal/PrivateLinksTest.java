package org.aasr.volunteers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.aasr.volunteers.api.BookingOutcome;
import org.aasr.volunteers.api.Interest;
import org.aasr.volunteers.api.LinkStatus;
import org.aasr.volunteers.api.LivedExperience;
import org.aasr.volunteers.api.MyShift;
import org.aasr.volunteers.api.OpportunityStatus;
import org.aasr.volunteers.api.PlaceKind;
import org.aasr.volunteers.api.PrivateLinkClosedException;
import org.aasr.volunteers.api.SignUp;
import org.aasr.volunteers.api.SignUpRejectedException;
import org.aasr.volunteers.api.VolunteerAction;
import org.aasr.volunteers.api.VolunteerChanged;
import org.aasr.volunteers.api.VolunteerSelf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The volunteer's private link, export and erasure, on a real embedded Derby with EclipseLink. */
class PrivateLinksTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final LocalDateTime NOW_UTC = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC);
  private static final String SITE = "https://aasr.example.org";

  private VolunteerDatabase db;
  private EntityManager em;
  private final RecordingEvent<VolunteerChanged> changes = new RecordingEvent<>();
  private final RecordingEvent<MimeMessage> mail = new RecordingEvent<>();
  private DefaultVolunteerService service;
  private PrivateLinks links;
  private long bigShift;
  private long oneSeatShift;
  private long draftShift;
  private long pastShift;

  @BeforeEach
  void openOpportunityWithShifts() {
    db = new VolunteerDatabase();
    db.migrate();
    em = db.entityManager();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    service = new DefaultVolunteerService(em, clock, changes, mail, 48);
    Bookings bookings = new Bookings(em, clock, changes, mail);
    links =
        new PrivateLinks(
            em,
            clock,
            changes,
            mail,
            bookings,
            new PersonalData(em, clock, changes, bookings, Optional::empty));
    inTransaction(
        () -> {
          Opportunity open =
              new Opportunity("event-day", "Event day", PlaceKind.IN_PERSON, NOW_UTC);
          open.describe("A day", "Helping", "US", "OH", "A day");
          open.setStatus(OpportunityStatus.OPEN, NOW_UTC);
          em.persist(open);
          Opportunity draft = new Opportunity("draft", "Draft", PlaceKind.REMOTE, NOW_UTC);
          em.persist(draft);
          bigShift = shift(open, 3, 10);
          oneSeatShift = shift(open, 4, 1);
          draftShift = shift(draft, 5, 10);
          pastShift = shift(open, 6, 10);
          return null;
        });
    // A shift that has happened, which Ada attended (booked directly: booking it now is refused).
    db.update(
        "UPDATE shift SET starts_at = {ts '2026-11-20 15:00:00'},"
            + " ends_at = {ts '2026-11-20 18:00:00'} WHERE id = "
            + pastShift);
  }

  private long shift(Opportunity o, int inDays, int capacity) {
    Shift shift =
        new Shift(
            o,
            NOW_UTC.plusDays(inDays),
            NOW_UTC.plusDays(inDays).plusHours(3),
            ZoneId.of("America/New_York"),
            capacity);
    em.persist(shift);
    em.flush();
    return shift.getId();
  }

  @AfterEach
  void close() {
    em.close();
    db.close();
  }

  private <T> T inTransaction(Supplier<T> work) {
    em.getTransaction().begin();
    try {
      T result = work.get();
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.clear();
    }
  }

  private void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }

  private static SignUp form(String name, String email) {
    return new SignUp(
        name,
        email,
        name.startsWith("Bob") ? "+1 555 987 6543" : "+1 555 123 4567",
        "US",
        "NY",
        EnumSet.of(Interest.EVENTS, Interest.ADVOCACY),
        "Spreadsheets",
        "Weekends",
        EnumSet.of(LivedExperience.PARENT_OR_GUARDIAN),
        "A friend",
        true);
  }

  private static String text(MimeMessage message) {
    try {
      return (String) message.getContent();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String lastLink(String prefix) {
    String text = text(mail.fired.get(mail.fired.size() - 1));
    int at = text.indexOf(SITE + prefix);
    assertTrue(at >= 0, text);
    return text.substring(at + SITE.length() + prefix.length()).substring(0, 43);
  }

  /** Signs someone up, confirms them, and returns the private link's token from the email. */
  private String confirmedVolunteer(String name, String email) {
    inTransaction(() -> service.signUp(form(name, email), SITE));
    String confirm = lastLink("/volunteer-confirm?token=");
    inTransaction(() -> service.confirm(confirm, SITE));
    return lastLink("/volunteer/me/");
  }

  private long volunteerId(String email) {
    return db.count("SELECT id FROM volunteer WHERE email_key = '" + email + "'");
  }

  @Test
  void confirmingEmailsAPrivateLinkWhoseTokenIsStoredOnlyAsAHash() {
    String token = confirmedVolunteer("Ada Lovelace", "ada@example.org");

    MimeMessage message = mail.fired.get(mail.fired.size() - 1);
    assertTrue(text(message).contains(SITE + "/volunteer-link"), "says where to ask for a new one");
    assertEquals(
        0, db.count("SELECT COUNT(*) FROM volunteer_token WHERE token_hash = '" + token + "'"));
    assertEquals(
        1,
        db.count(
            "SELECT COUNT(*) FROM volunteer_token WHERE purpose = 'PRIVATE' AND expires_at IS NULL"
                + " AND token_hash = '"
                + Tokens.hash(token)
                + "'"));
    assertEquals(LinkStatus.OPEN, links.status(token));
  }

  @Test
  void theLinkOpensTheirDetailsAndComingShifts() {
    String token = confirmedVolunteer("Ada Lovelace", "ada@example.org");
    assertEquals(BookingOutcome.BOOKED, inTransaction(() -> links.book(token, bigShift)));

    VolunteerSelf self = inTransaction(() -> links.open(token));

    assertEquals("Ada Lovelace", self.details().fullName());
    assertEquals("ada@example.org", self.details().email());
    assertEquals("NY", self.details().region());
    assertEquals(List.of(bigShift), self.shifts().stream().map(s -> s.shift().id()).toList());
    MyShift shift = self.shifts().get(0);
    assertEquals("Event day", shift.opportunityTitle());
    assertFalse(shift.waiting());
    assertEquals(1, shift.shift().taken());
  }

  @Test
  void aFullShiftWaitlistsAndACancellationHandsThePlaceToTheFirstWaiting() throws Exception {
    String bob = confirmedVolunteer("Bob", "bob@example.org");
    String ada = confirmedVolunteer("Ada Lovelace", "ada@example.org");
    assertEquals(BookingOutcome.BOOKED, inTransaction(() -> links.book(bob, oneSeatShift)));

    assertEquals(BookingOutcome.WAITLISTED, inTransaction(() -> links.book(ada, oneSeatShift)));
    assertTrue(inTransaction(() -> links.open(ada)).shifts().get(0).waiting());
    assertEquals(
        BookingOutcome.ALREADY_WAITING, inTransaction(() -> links.book(ada, oneSeatShift)));
    int sent = mail.fired.size();

    assertTrue(inTransaction(() -> links.cancel(bob, oneSeatShift)));

    assertEquals(List.of(), inTransaction(() -> links.open(bob)).shifts());
    assertFalse(inTransaction(() -> links.open(ada)).shifts().get(0).waiting());
    assertEquals(sent + 1, mail.fired.size());
    assertEquals("ada@example.org", mail.fired.get(sent).getAllRecipients()[0].toString());
    assertEquals(1, db.count("SELECT taken FROM shift WHERE id = " + oneSeatShift));
    assertFalse(inTransaction(() -> links.cancel(bob, oneSeatShift)), "nothing left to cancel");
  }

  @Test
  void onlyShiftsOfOpenOpportunitiesThatHaveNotStartedCanBeBooked() {
    String token = confirmedVolunteer("Ada Lovelace", "ada@example.org");

    assertEquals(BookingOutcome.NOT_BOOKABLE, inTransaction(() -> links.book(token, draftShift)));
    assertEquals(BookingOutcome.NOT_BOOKABLE, inTransaction(() -> links.book(token, pastShift)));
    assertEquals(BookingOutcome.NOT_BOOKABLE, inTransaction(() -> links.book(token, 999_999)));
    assertEquals(0, db.count("SELECT COUNT(*) FROM booking"));
  }

  @Test
  void aRevokedLinkOpensNothingAndChangesNothing() {
    String token = confirmedVolunteer("Ada Lovelace", "ada@example.org");
    run(() -> links.revoke(token));

    assertEquals(LinkStatus.REVOKED, links.status(token));
    for (Runnable action :
        List.<Runnable>of(
            () -> links.open(token),
            () -> links.book(token, bigShift),
            () -> links.cancel(token, bigShift),
            () -> links.update(token, form("Mallory", "ada@example.org")),
            () -> links.exportJson(token),
            () -> links.erase(token),
            () -> links.revoke(token))) {
      PrivateLinkClosedException e =
          assertThrows(PrivateLinkClosedException.class, () -> run(action));
      assertEquals(LinkStatus.REVOKED, e.status());
    }
    assertEquals(0, db.count("SELECT COUNT(*) FROM booking"));
    assertEquals(1, db.count("SELECT COUNT(*) FROM volunteer WHERE full_name = 'Ada Lovelace'"));
  }

  @Test
  void aMadeUpTokenIsUnknownAndAConfirmationTokenIsNoPrivateLink() {
    confirmedVolunteer("Ada Lovelace", "ada@example.org");
    inTransaction(() -> service.signUp(form("Bob", "bob@example.org"), SITE));
    String confirmation = lastLink("/volunteer-confirm?token=");

    for (String token :
        List.of("A".repeat(43), "short", "' OR 1=1 --", "", "x".repeat(5000), confirmation)) {
      assertEquals(LinkStatus.UNKNOWN, links.status(token), token);
      assertEquals(
          LinkStatus.UNKNOWN,
          assertThrows(PrivateLinkClosedException.class, () -> run(() -> links.open(token)))
              .status());
    }
    assertEquals(LinkStatus.UNKNOWN, links.status(null));
  }

  @Test
  void aNewLinkIsSentOnlyToAConfirmedAddressAndReplacesTheOldOne() {
    String old = confirmedVolunteer("Ada Lovelace", "ada@example.org");
    inTransaction(() -> service.signUp(form("Bob", "bob@example.org"), SITE));
    int sent = mail.fired.size();

    for (String unknown :
        List.of("nobody@example.org", "bob@example.org", "not an address", "", "x".repeat(300))) {
      run(() -> links.sendLink(unknown, SITE));
    }
    assertEquals(sent, mail.fired.size(), "unknown and unconfirmed addresses get nothing");

    run(() -> links.sendLink("ada@example.org", SITE));
    assertEquals(sent, mail.fired.size(), "not again while the last link is minutes old");
    Clock later = Clock.fixed(NOW.plusSeconds(11 * 60), ZoneOffset.UTC);
    Bookings bookings = new Bookings(em, later, changes, mail);
    PrivateLinks laterLinks =
        new PrivateLinks(
            em,
            later,
            changes,
            mail,
            bookings,
            new PersonalData(em, later, changes, bookings, Optional::empty));

    run(() -> laterLinks.sendLink("  ADA@Example.org ", SITE));

    assertEquals(sent + 1, mail.fired.size());
    String fresh = lastLink("/volunteer/me/");
    assertEquals(LinkStatus.OPEN, links.status(fresh));
    assertEquals(
        LinkStatus.OPEN, links.status(old), "asking for a link cuts nobody off the one they use");
    run(() -> links.exportJson(old));
    assertEquals(LinkStatus.OPEN, links.status(fresh), "using an older link closes no newer one");
    run(() -> links.open(fresh));
    assertEquals(LinkStatus.OPEN, links.status(old), "nor does opening one: mail scanners do");

    run(() -> links.exportJson(fresh));

    assertEquals(
        LinkStatus.REVOKED, links.status(old), "the newest link, once acted with, replaces it");
    assertEquals(LinkStatus.OPEN, links.status(fresh));
  }

  @Test
  void updatingDetailsIsCheckedAsASignUpAndKeepsTheAddress() {
    String token = confirmedVolunteer("Ada Lovelace", "ada@example.org");
    SignUp bad =
        new SignUp(
            "",
            "mallory@example.org",
            "12",
            "CA",
            "NY",
            EnumSet.noneOf(Interest.class),
            "x".repeat(1001),
            null,
            null,
            null,
            false);

    Map<String, String> errors =
        assertThrows(SignUpRejectedException.class, () -> run(() -> links.update(token, bad)))
            .errors();

    assertEquals(
        java.util.Set.of("fullName", "phone", "region", "interests", "skills"),
        errors.keySet(),
        "no error for the address or the consent, which this form does not change");
    assertEquals("Ada Lovelace", inTransaction(() -> links.open(token)).details().fullName());

    SignUp changed =
        new SignUp(
            "Ada King",
            "mallory@example.org",
            null,
            "CA",
            "ON",
            EnumSet.of(Interest.FUNDRAISING),
            "<b>Writing</b>",
            "Evenings",
            EnumSet.noneOf(LivedExperience.class),
            null,
            false);
    run(() -> links.update(token, changed));

    SignUp now = inTransaction(() -> links.open(token)).details();
    assertEquals("Ada King", now.fullName());
    assertEquals("ada@example.org", now.email(), "the address is not changed here");
    assertEquals("ON", now.region());
    assertEquals(java.util.Set.of(Interest.FUNDRAISING), now.interests());
    assertEquals("<b>Writing</b>", now.skills(), "stored as typed, escaped where shown");
    assertNull(now.phone());
    assertTrue(now.experience().isEmpty());
    assertTrue(now.consent());
    assertEquals(
        VolunteerAction.VOLUNTEER_DETAILS_UPDATED,
        changes.fired.get(changes.fired.size() - 1).action());
  }

  @Test
  void theExportHoldsEverythingAboutThemAndNoToken() {
    String token = confirmedVolunteer("Ada \"The\" Lovelace", "ada@example.org");
    String bob = confirmedVolunteer("Bob", "bob@example.org");
    run(() -> links.book(bob, oneSeatShift));
    run(() -> links.book(token, bigShift));
    run(() -> links.book(token, oneSeatShift));

    String json = inTransaction(() -> links.exportJson(token));

    for (String expected :
        List.of(
            "\"volunteerNumber\": " + volunteerId("ada@example.org"),
            "\"fullName\": \"Ada \\\"The\\\" Lovelace\"",
            "\"email\": \"ada@example.org\"",
            "\"phone\": \"+1 555 123 4567\"",
            "\"stateOrProvince\": \"NY\"",
            "\"place\": \"New York, United States\"",
            "\"interests\": [\n    \"ADVOCACY\",\n    \"EVENTS\"\n  ]",
            "\"skills\": \"Spreadsheets\"",
            "\"availability\": \"Weekends\"",
            "\"livedExperience\": [\n    \"PARENT_OR_GUARDIAN\"\n  ]",
            "\"howHeard\": \"A friend\"",
            "\"consentGivenAt\": \"2026-12-01T10:00:00Z\"",
            "\"emailConfirmedAt\": \"2026-12-01T10:00:00Z\"",
            "\"status\": \"NEW\"",
            "\"shiftNumber\": " + bigShift,
            "\"startsAt\": \"2026-12-04T05:00-05:00\"",
            "\"timeZone\": \"America/New_York\"",
            "\"reminderSentAt\": null",
            "\"waitlist\": [\n    {\n      \"shiftNumber\": " + oneSeatShift,
            "\"purpose\": \"confirm address\"",
            "\"purpose\": \"private link\"")) {
      assertTrue(json.contains(expected), expected + " in\n" + json);
    }
    assertTrue(json.startsWith("{\n") && json.endsWith("}\n"), json);
    assertFalse(json.contains(token), "no token");
    assertFalse(json.contains(Tokens.hash(token)), "nor its hash");
    assertFalse(json.contains("Bob"), "nothing about anyone else");
    assertEquals(
        VolunteerAction.VOLUNTEER_DATA_EXPORTED,
        changes.fired.get(changes.fired.size() - 1).action());
  }

  @Test
  void erasureLeavesNoPersonalDataInAnyTableAndHandsTheirPlaceOn() throws Exception {
    String ada = confirmedVolunteer("Ada Lovelace", "ada@example.org");
    String bob = confirmedVolunteer("Bob Builder", "bob@example.org");
    long adaId = volunteerId("ada@example.org");
    run(() -> links.book(ada, oneSeatShift));
    run(() -> links.book(bob, oneSeatShift));
    run(() -> links.book(ada, bigShift));
    db.update(
        "INSERT INTO booking (shift_id, volunteer_id, booked_at) VALUES ("
            + pastShift
            + ", "
            + adaId
            + ", {ts '2026-11-01 10:00:00'})");
    db.update("UPDATE shift SET taken = 1 WHERE id = " + pastShift);
    inTransaction(() -> service.signUp(form("Ada Lovelace", "ada@example.org"), SITE));
    int sent = mail.fired.size();

    run(() -> links.erase(ada));

    List<String> found = personalDataIn(List.of("Ada", "Lovelace", "ada@example", "555 123"));
    assertEquals(List.of(), found, "personal data left after erasure");
    for (String table :
        List.of(
            "volunteer_interest",
            "volunteer_experience",
            "booking",
            "waitlist_entry",
            "volunteer_token")) {
      assertEquals(
          0, db.count("SELECT COUNT(*) FROM " + table + " WHERE volunteer_id = " + adaId), table);
    }
    assertEquals(
        1,
        db.count(
            "SELECT COUNT(*) FROM volunteer WHERE id = "
                + adaId
                + " AND erased_at IS NOT NULL AND full_name IS NULL AND email IS NULL"
                + " AND email_key IS NULL AND phone IS NULL AND country IS NULL"
                + " AND region IS NULL AND skills IS NULL AND availability IS NULL"
                + " AND how_heard IS NULL AND consent_at IS NULL"),
        "the row stays, anonymous, for counts and hours");
    assertEquals(1, db.count("SELECT taken FROM shift WHERE id = " + pastShift), "history kept");
    assertEquals(0, db.count("SELECT taken FROM shift WHERE id = " + bigShift));
    assertEquals(1, db.count("SELECT taken FROM shift WHERE id = " + oneSeatShift));
    assertFalse(inTransaction(() -> links.open(bob)).shifts().get(0).waiting(), "Bob got it");
    assertEquals(sent + 1, mail.fired.size(), "and was told");
    assertEquals(LinkStatus.UNKNOWN, links.status(ada), "the link died with the data");
    for (VolunteerChanged change : changes.fired) {
      String audit = change.subjectId() + " " + change.summary();
      assertFalse(audit.contains("ada@") || audit.contains("Lovelace"), audit);
    }
    VolunteerChanged erased = changes.fired.get(changes.fired.size() - 1);
    assertEquals(VolunteerAction.VOLUNTEER_ERASED, erased.action());
    assertEquals(String.valueOf(adaId), erased.subjectId());

    inTransaction(() -> service.signUp(form("Ada Lovelace", "ada@example.org"), SITE));
    assertEquals(
        2,
        db.count("SELECT COUNT(*) FROM volunteer WHERE erased_at IS NULL"),
        "signing up again after erasure makes a new volunteer: Bob and the new Ada");
    assertEquals(3, db.count("SELECT COUNT(*) FROM volunteer"), "beside the anonymous row");
  }

  /** Every text cell of every table of the database that contains one of these strings. */
  private List<String> personalDataIn(List<String> needles) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection c = db.dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = meta.getTables(null, "APP", "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertTrue(tables.size() >= 7, tables.toString());
      for (String table : tables) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              String value = rs.getString(i);
              for (String needle : needles) {
                if (value != null && value.contains(needle)) {
                  found.add(table + "." + rs.getMetaData().getColumnName(i) + " = " + value);
                }
              }
            }
          }
        }
      }
    }
    return found;
  }

  @Test
  void staffExportAndEraseOnlyAsACoordinatorAndAudited() {
    confirmedVolunteer("Ada Lovelace", "ada@example.org");
    long id = volunteerId("ada@example.org");
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Bookings bookings = new Bookings(em, clock, changes, mail);
    PersonalData nobody = new PersonalData(em, clock, changes, bookings, Optional::empty);
    PersonalData coordinator =
        new PersonalData(em, clock, changes, bookings, () -> Optional.of("coord@aasr.test"));

    assertThrows(SecurityException.class, () -> run(() -> nobody.exportJson(id)));
    assertThrows(SecurityException.class, () -> run(() -> nobody.erase(id)));
    assertEquals(1, db.count("SELECT COUNT(*) FROM volunteer WHERE erased_at IS NULL"));

    String json = inTransaction(() -> coordinator.exportJson(id));
    assertTrue(json.contains("\"email\": \"ada@example.org\""));
    run(() -> coordinator.erase(id));
    run(() -> coordinator.erase(id));

    assertEquals(0, db.count("SELECT COUNT(*) FROM volunteer WHERE email IS NOT NULL"));
    List<VolunteerChanged> staff =
        changes.fired.stream().filter(c -> c.actor().equals("coord@aasr.test")).toList();
    assertEquals(
        List.of(VolunteerAction.VOLUNTEER_DATA_EXPORTED, VolunteerAction.VOLUNTEER_ERASED),
        staff.stream().map(VolunteerChanged::action).toList(),
        "erasing twice is recorded once");
    assertThrows(IllegalArgumentException.class, () -> run(() -> coordinator.exportJson(id)));
    assertThrows(IllegalArgumentException.class, () -> run(() -> coordinator.erase(424242)));
  }
}
