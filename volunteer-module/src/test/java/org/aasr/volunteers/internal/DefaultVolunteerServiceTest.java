package org.aasr.volunteers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.aasr.volunteers.api.Confirmation;
import org.aasr.volunteers.api.Interest;
import org.aasr.volunteers.api.LivedExperience;
import org.aasr.volunteers.api.OpportunityDetail;
import org.aasr.volunteers.api.OpportunityStatus;
import org.aasr.volunteers.api.PlaceKind;
import org.aasr.volunteers.api.ShiftInfo;
import org.aasr.volunteers.api.SignUp;
import org.aasr.volunteers.api.SignUpRejectedException;
import org.aasr.volunteers.api.SignUpResult;
import org.aasr.volunteers.api.VolunteerAction;
import org.aasr.volunteers.api.VolunteerChanged;
import org.aasr.volunteers.api.VolunteerStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opportunities and sign-ups on a real embedded Derby with EclipseLink. */
class DefaultVolunteerServiceTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final LocalDateTime NOW_UTC = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC);

  private VolunteerDatabase db;
  private EntityManager em;
  private static final String SITE = "https://aasr.example.org";

  private RecordingEvent<VolunteerChanged> changes;
  private RecordingEvent<MimeMessage> mail;
  private DefaultVolunteerService service;

  @BeforeEach
  void migrate() {
    db = new VolunteerDatabase();
    db.migrate();
    em = db.entityManager();
    changes = new RecordingEvent<>();
    mail = new RecordingEvent<>();
    service = at(NOW);
  }

  private DefaultVolunteerService at(Instant now) {
    return new DefaultVolunteerService(em, Clock.fixed(now, ZoneOffset.UTC), changes, mail, 48);
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

  private static SignUp signUp(String name, String email, String country, String region) {
    return new SignUp(
        name,
        email,
        null,
        country,
        region,
        EnumSet.of(Interest.EVENTS),
        "Spreadsheets",
        "Weekends",
        EnumSet.of(LivedExperience.PARENT_OR_GUARDIAN),
        "A friend",
        true);
  }

  private static SignUp valid() {
    return signUp("Ada Lovelace", "ada@example.org", "US", "NY");
  }

  private Map<String, String> rejected(SignUp form) {
    return assertThrows(
            SignUpRejectedException.class, () -> inTransaction(() -> service.signUp(form, SITE)))
        .errors();
  }

  private Opportunity open(String slug, String title) {
    Opportunity o = new Opportunity(slug, title, PlaceKind.IN_PERSON, NOW_UTC);
    o.describe("Summary of " + title, "What " + title + " involves", "US", "OH", "Two hours");
    o.setStatus(OpportunityStatus.OPEN, NOW_UTC);
    em.persist(o);
    return o;
  }

  @Test
  void theSeedsOpportunitiesAreDraftsThatVisitorsDoNotSee() {
    assertEquals(3, db.count("SELECT COUNT(*) FROM opportunity WHERE status = 'DRAFT'"));
    assertEquals(
        1,
        db.count("SELECT COUNT(*) FROM opportunity WHERE slug = 'state-and-provincial-advocacy'"));
    assertEquals(List.of(), service.openOpportunities());
    assertTrue(service.openOpportunity("event-support").isEmpty());
  }

  @Test
  void anOpenOpportunityShowsItsComingShiftsSoonestFirstWithPlacesLeft() {
    inTransaction(
        () -> {
          Opportunity o = open("phone-bank", "Phone bank");
          ZoneId chicago = ZoneId.of("America/Chicago");
          em.persist(
              new Shift(o, NOW_UTC.plusDays(9), NOW_UTC.plusDays(9).plusHours(2), chicago, 4));
          em.persist(
              new Shift(o, NOW_UTC.plusDays(2), NOW_UTC.plusDays(2).plusHours(3), chicago, 3));
          em.persist(
              new Shift(o, NOW_UTC.minusDays(1), NOW_UTC.minusDays(1).plusHours(1), chicago, 3));
          return o;
        });

    OpportunityDetail detail = service.openOpportunity("phone-bank").orElseThrow();

    assertEquals("Phone bank", detail.summary().title());
    assertEquals("In person in Ohio, United States", detail.summary().where());
    List<ShiftInfo> shifts = detail.shifts();
    assertEquals(2, shifts.size(), "a past shift is not offered");
    assertEquals(NOW.plusSeconds(2 * 86400), shifts.get(0).startsAt());
    assertEquals(3, shifts.get(0).placesLeft());
    assertEquals(ZoneId.of("America/Chicago"), shifts.get(0).localStart().getZone());
    assertEquals(
        List.of("phone-bank"), service.openOpportunities().stream().map(s -> s.slug()).toList());
  }

  @Test
  void aSignUpStoresANewVolunteerAndAuditsItWithoutTheirAddress() {
    SignUpResult result = inTransaction(() -> service.signUp(valid(), SITE));

    assertFalse(result.updated());
    Volunteer v = em.find(Volunteer.class, result.volunteerId());
    assertEquals("Ada Lovelace", v.getFullName());
    assertEquals(VolunteerStatus.NEW, v.getStatus());
    assertEquals(Set.of(Interest.EVENTS), v.getInterests());
    assertEquals(Set.of(LivedExperience.PARENT_OR_GUARDIAN), v.getExperience());
    assertEquals(NOW_UTC, v.getConsentAt());
    assertEquals(
        null, v.getConfirmedAt(), "nobody is confirmed before they click the email's link");
    VolunteerChanged event = changes.fired.get(0);
    assertEquals(VolunteerAction.VOLUNTEER_SIGNED_UP, event.action());
    assertEquals("visitor", event.actor());
    assertEquals(String.valueOf(result.volunteerId()), event.subjectId());
    assertFalse(event.summary().contains("ada"), "no personal data in the audit log");
  }

  @Test
  void theSameAddressInAnyCaseChangesNothingOfTheVolunteerAndOnlyEmailsTheAddress()
      throws Exception {
    SignUpResult first = inTransaction(() -> service.signUp(valid(), SITE));

    SignUpResult second =
        inTransaction(
            () -> service.signUp(signUp("Mallory", "  ADA@Example.ORG ", "CA", "ON"), SITE));

    assertTrue(second.updated());
    assertEquals(first.volunteerId(), second.volunteerId());
    assertEquals(1, db.count("SELECT COUNT(*) FROM volunteer"));
    em.clear();
    Volunteer v = em.find(Volunteer.class, first.volunteerId());
    assertEquals("Ada Lovelace", v.getFullName(), "whoever types an address cannot rewrite it");
    assertEquals("NY", v.getRegion());
    assertEquals(VolunteerAction.VOLUNTEER_UPDATED_SIGN_UP, changes.fired.get(1).action());
    assertEquals(1, mail.fired.size(), "no second confirmation minutes after the first");

    service = at(NOW.plusSeconds(11 * 60));
    inTransaction(() -> service.signUp(signUp("Mallory", "ada@example.org", "CA", "ON"), SITE));

    assertEquals(2, mail.fired.size());
    MimeMessage again = mail.fired.get(1);
    assertEquals("ada@example.org", again.getAllRecipients()[0].toString());
    assertEquals("Please confirm your email address", again.getSubject(), "not confirmed yet");
    assertTrue(((String) again.getContent()).contains("Hello Ada Lovelace"));
  }

  @Test
  void aConfirmedVolunteerSignedUpAgainIsEmailedTheirPrivateLinkAtMostOnceInTenMinutes()
      throws Exception {
    String token = signUpAndReadLink();
    inTransaction(() -> service.confirm(token, SITE));
    service = at(NOW.plusSeconds(11 * 60));
    int sent = mail.fired.size();

    inTransaction(() -> service.signUp(signUp("Mallory", "ada@example.org", "CA", "ON"), SITE));
    inTransaction(() -> service.signUp(signUp("Mallory", "ada@example.org", "CA", "ON"), SITE));

    assertEquals(sent + 1, mail.fired.size(), "one email, not one per form sent");
    MimeMessage message = mail.fired.get(sent);
    assertEquals("ada@example.org", message.getAllRecipients()[0].toString());
    assertEquals("You are already signed up to volunteer", message.getSubject());
    String text = (String) message.getContent();
    assertTrue(text.contains("Hello Ada Lovelace"), text);
    assertTrue(text.contains(SITE + "/volunteer/me/"), text);
    em.clear();
    assertEquals(
        "Ada Lovelace",
        em.createQuery("SELECT v.fullName FROM Volunteer v", String.class).getSingleResult());
  }

  @Test
  void theDatabaseItselfRefusesASecondVolunteerForOneAddress() {
    inTransaction(() -> service.signUp(valid(), SITE));

    assertThrows(
        IllegalStateException.class,
        () ->
            db.update(
                "INSERT INTO volunteer (email_key, status, created_at, updated_at)"
                    + " VALUES ('ada@example.org', 'NEW', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
  }

  @Test
  void aStateOutsideTheChosenCountryIsRefusedAndNothingIsStored() {
    assertEquals(
        "Choose your state or province from the list.",
        rejected(signUp("Ada", "ada@example.org", "CA", "NY")).get("region"));
    rejected(signUp("Ada", "ada@example.org", "FR", "75"));
    rejected(signUp("Ada", "ada@example.org", null, null));
    assertEquals(0, db.count("SELECT COUNT(*) FROM volunteer"));
    assertTrue(changes.fired.isEmpty());
  }

  @Test
  void everyProblemIsReportedAtOnceByField() {
    SignUp form =
        new SignUp(
            " ", "not-an-address", "12", "US", "TX", Set.of(), null, null, null, null, false);

    Map<String, String> errors = rejected(form);

    assertEquals(Set.of("fullName", "email", "phone", "interests", "consent"), errors.keySet());
    assertEquals("Enter your name.", errors.get("fullName"));
    assertEquals("Enter an email address such as name@example.org.", errors.get("email"));
  }

  @Test
  void invalidAddressesAreRefused() {
    for (String email :
        List.of("a@b", "a b@example.org", "<script>@example.org", "a@@example.org", "a@-x.org")) {
      assertTrue(
          rejected(signUp("Ada", email, "US", "NY")).containsKey("email"), email + " was accepted");
    }
  }

  @Test
  void overlongFieldsAndControlCharactersAreRefused() {
    assertTrue(
        rejected(signUp("x".repeat(201), "ada@example.org", "US", "NY")).containsKey("fullName"));
    assertTrue(
        rejected(signUp("Ada\u0000", "ada@example.org", "US", "NY")).containsKey("fullName"));
    assertTrue(
        rejected(signUp("Ada\u202Eevil", "ada@example.org", "US", "NY")).containsKey("fullName"),
        "a right-to-left override can disguise text");
  }

  @Test
  void scriptInATextFieldIsKeptAsPlainTextNeverAsMarkupToRun() {
    String script = "<script>alert(1)</script>";
    SignUpResult result =
        inTransaction(() -> service.signUp(signUp(script, "eve@example.org", "US", "NY"), SITE));

    assertEquals(script, em.find(Volunteer.class, result.volunteerId()).getFullName());
  }

  @Test
  void theDatabaseRefusesMoreBookingsThanPlaces() {
    inTransaction(
        () -> {
          Opportunity o = open("count", "Count");
          em.persist(
              new Shift(
                  o, NOW_UTC.plusDays(1), NOW_UTC.plusDays(1).plusHours(1), ZoneOffset.UTC, 1));
          return o;
        });

    assertEquals(1, db.update("UPDATE shift SET taken = taken + 1"));
    assertThrows(
        IllegalStateException.class, () -> db.update("UPDATE shift SET taken = taken + 1"));
  }

  /** Signs Ada up and returns the token of the link in the confirmation email. */
  private String signUpAndReadLink() throws Exception {
    inTransaction(() -> service.signUp(valid(), SITE));
    MimeMessage message = mail.fired.get(mail.fired.size() - 1);
    String text = (String) message.getContent();
    int at = text.indexOf(SITE + "/volunteer-confirm?token=");
    assertTrue(at >= 0, text);
    return text.substring(at).split("token=")[1].substring(0, 43);
  }

  @Test
  void aSignUpEmailsAConfirmationLinkWhoseTokenIsStoredOnlyAsAHash() throws Exception {
    String token = signUpAndReadLink();

    MimeMessage message = mail.fired.get(0);
    assertEquals("ada@example.org", message.getAllRecipients()[0].toString());
    assertEquals("Please confirm your email address", message.getSubject());
    assertEquals(43, token.length());
    assertEquals(
        0, db.count("SELECT COUNT(*) FROM volunteer_token WHERE token_hash = '" + token + "'"));
    assertEquals(
        1,
        db.count(
            "SELECT COUNT(*) FROM volunteer_token WHERE token_hash = '"
                + Tokens.hash(token)
                + "'"));
  }

  @Test
  void theLinkConfirmsOnceAndThenChangesNothing() throws Exception {
    String token = signUpAndReadLink();
    assertEquals(Confirmation.CONFIRMED, service.checkConfirmation(token), "checking uses nothing");

    assertEquals(Confirmation.CONFIRMED, inTransaction(() -> service.confirm(token, SITE)));
    assertEquals(Confirmation.USED, inTransaction(() -> service.confirm(token, SITE)));

    assertEquals(1, db.count("SELECT COUNT(*) FROM volunteer WHERE confirmed_at IS NOT NULL"));
    assertEquals(
        1,
        changes.fired.stream()
            .filter(c -> c.action() == VolunteerAction.VOLUNTEER_CONFIRMED)
            .count());
  }

  @Test
  void anExpiredLinkConfirmsNobody() throws Exception {
    String token = signUpAndReadLink();
    service = at(NOW.plusSeconds(48 * 3600));

    assertEquals(Confirmation.EXPIRED, inTransaction(() -> service.confirm(token, SITE)));
    assertEquals(0, db.count("SELECT COUNT(*) FROM volunteer WHERE confirmed_at IS NOT NULL"));
  }

  @Test
  void aMadeUpOrMalformedTokenConfirmsNobody() {
    for (String token : List.of("A".repeat(43), "short", "' OR 1=1 --", "", "x".repeat(5000))) {
      assertEquals(Confirmation.UNKNOWN, inTransaction(() -> service.confirm(token, SITE)), token);
    }
    assertEquals(Confirmation.UNKNOWN, service.checkConfirmation(null));
  }

  @Test
  void signingUpAgainReplacesTheEarlierLinkAndAConfirmedVolunteerGetsNoNewOne() throws Exception {
    String first = signUpAndReadLink();
    service = at(NOW.plusSeconds(11 * 60));
    String second = signUpAndReadLink();

    assertEquals(Confirmation.USED, inTransaction(() -> service.confirm(first, SITE)));
    assertEquals(Confirmation.CONFIRMED, inTransaction(() -> service.confirm(second, SITE)));
    int sent = mail.fired.size();
    inTransaction(() -> service.signUp(valid(), SITE));
    assertEquals(sent, mail.fired.size(), "a confirmed address is not asked again");
  }
}
