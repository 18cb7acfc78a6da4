package org.aasr.volunteers.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.aasr.volunteers.api.BookingOutcome;
import org.aasr.volunteers.api.LinkStatus;
import org.aasr.volunteers.api.MyShift;
import org.aasr.volunteers.api.OpportunityStatus;
import org.aasr.volunteers.api.PrivateLinkClosedException;
import org.aasr.volunteers.api.SignUp;
import org.aasr.volunteers.api.VolunteerAction;
import org.aasr.volunteers.api.VolunteerChanged;
import org.aasr.volunteers.api.VolunteerPrivateLink;
import org.aasr.volunteers.api.VolunteerSelf;

/**
 * The volunteer's private link: a {@link Tokens token} of purpose PRIVATE, with no expiry, that
 * works until it is revoked (by the volunteer, or by a newer link once the volunteer acts with it:
 * one live link per volunteer in the end, so that a new one closes a link that may have been
 * forwarded) or its volunteer is erased (erasure deletes the tokens). Sending a new link closes
 * nothing by itself: anyone may ask for one for any address, and must not be able to cut a
 * volunteer off the link they use; nor does opening one (mail scanners open links). Links are sent
 * at most one in {@link #RESEND_MINUTES} per volunteer, counted under a lock on the volunteer, so
 * that posts sent at the same moment cannot each send one.
 *
 * <p>Each action looks the token up again in its own transaction; nothing about the volunteer is
 * kept between requests, so the page needs no session.
 */
@ApplicationScoped
@Transactional
class PrivateLinks implements VolunteerPrivateLink {

  /** A new link is not sent while one that still works is younger than this. */
  static final int RESEND_MINUTES = 10;

  @PersistenceContext(unitName = "volunteers")
  EntityManager em;

  @Inject Event<VolunteerChanged> changes;
  @Inject Event<MimeMessage> mail;
  @Inject Bookings bookings;
  @Inject PersonalData personalData;

  private Clock clock = Clock.systemUTC();

  /** For CDI. */
  PrivateLinks() {}

  /** For tests outside the container. */
  PrivateLinks(
      EntityManager em,
      Clock clock,
      Event<VolunteerChanged> changes,
      Event<MimeMessage> mail,
      Bookings bookings,
      PersonalData personalData) {
    this.em = em;
    this.clock = clock;
    this.changes = changes;
    this.mail = mail;
    this.bookings = bookings;
    this.personalData = personalData;
  }

  /**
   * Makes a new private link for a confirmed volunteer, revokes their earlier ones, and emails it.
   * Called in the transaction of the confirmation or of the request for a new link.
   */
  void issue(Volunteer volunteer, String siteAddress, LocalDateTime now) {
    issue(volunteer, siteAddress, now, false);
  }

  /**
   * Emails a confirmed volunteer whose address was typed into the sign-up form again: nothing was
   * changed, and here is their private link to change their details. Not if a link was sent within
   * {@link #RESEND_MINUTES}, like {@link #sendLink}.
   */
  void remind(Volunteer volunteer, String siteAddress, LocalDateTime now) {
    em.lock(volunteer, LockModeType.PESSIMISTIC_WRITE);
    if (!volunteer.isErased() && !sentRecently(volunteer, now)) {
      issue(volunteer, siteAddress, now, true);
    }
  }

  private void issue(
      Volunteer volunteer, String siteAddress, LocalDateTime now, boolean signedUpAgain) {
    String token = Tokens.newToken();
    em.persist(
        new VolunteerToken(
            volunteer, VolunteerToken.Purpose.PRIVATE, Tokens.hash(token), now, null));
    String base = siteAddress.endsWith("/") ? siteAddress : siteAddress + "/";
    String link = base + "volunteer/me/" + token;
    String lostLinkPage = base + "volunteer-link";
    mail.fire(
        signedUpAgain
            ? VolunteerMail.signedUpAgain(
                volunteer.getEmail(), volunteer.getFullName(), link, lostLinkPage)
            : VolunteerMail.privateLink(
                volunteer.getEmail(), volunteer.getFullName(), link, lostLinkPage));
    audit(volunteer, VolunteerAction.VOLUNTEER_LINK_SENT, "Private link emailed");
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public LinkStatus status(String token) {
    return lookUp(token).map(PrivateLinks::status).orElse(LinkStatus.UNKNOWN);
  }

  /**
   * Only reads: mail scanners open every link in a new email, so opening one must close nothing
   * (see {@link #acting}).
   */
  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public VolunteerSelf open(String token) {
    Volunteer volunteer = volunteer(token);
    LocalDateTime now = now();
    List<MyShift> shifts = new ArrayList<>();
    em.createQuery(
            "SELECT b FROM Booking b WHERE b.volunteer = :volunteer AND b.shift.startsAt > :now",
            Booking.class)
        .setParameter("volunteer", volunteer)
        .setParameter("now", now)
        .getResultStream()
        .forEach(b -> shifts.add(myShift(b.getShift(), false)));
    em.createQuery(
            "SELECT w FROM WaitlistEntry w WHERE w.volunteer = :volunteer"
                + " AND w.shift.startsAt > :now",
            WaitlistEntry.class)
        .setParameter("volunteer", volunteer)
        .setParameter("now", now)
        .getResultStream()
        .forEach(w -> shifts.add(myShift(w.getShift(), true)));
    shifts.sort(
        Comparator.comparing((MyShift s) -> s.shift().startsAt())
            .thenComparing(s -> s.shift().id()));
    return new VolunteerSelf(volunteer.getId(), volunteer.details(), shifts);
  }

  private static MyShift myShift(Shift shift, boolean waiting) {
    Opportunity o = shift.getOpportunity();
    return new MyShift(o.getSlug(), o.getTitle(), o.toSummary().where(), shift.toInfo(), waiting);
  }

  @Override
  public BookingOutcome book(String token, long shiftId) {
    Volunteer volunteer = acting(token);
    Shift shift = em.find(Shift.class, shiftId);
    // Visitors book only what visitors can see: shifts of open opportunities.
    if (shift == null || shift.getOpportunity().getStatus() != OpportunityStatus.OPEN) {
      return BookingOutcome.NOT_BOOKABLE;
    }
    return bookings.book(shiftId, volunteer.getId(), VolunteerChanged.VISITOR);
  }

  @Override
  public boolean cancel(String token, long shiftId) {
    Volunteer volunteer = acting(token);
    return bookings.cancel(shiftId, volunteer.getId(), VolunteerChanged.VISITOR);
  }

  @Override
  public void update(String token, SignUp details) {
    Volunteer volunteer = acting(token);
    // Checked exactly as a sign-up, with the address and consent they already gave.
    SignUp checked =
        SignUpCheck.checked(
            new SignUp(
                details.fullName(),
                volunteer.getEmail(),
                details.phone(),
                details.country(),
                details.region(),
                details.interests(),
                details.skills(),
                details.availability(),
                details.experience(),
                details.howHeard(),
                true));
    volunteer.updateDetails(checked, now());
    em.flush();
    audit(volunteer, VolunteerAction.VOLUNTEER_DETAILS_UPDATED, "Details updated by the volunteer");
  }

  @Override
  public String exportJson(String token) {
    Volunteer volunteer = acting(token);
    String json = personalData.export(volunteer, now());
    audit(volunteer, VolunteerAction.VOLUNTEER_DATA_EXPORTED, "Data downloaded by the volunteer");
    return json;
  }

  @Override
  public void erase(String token) {
    personalData.erase(
        acting(token), VolunteerChanged.VISITOR, "Erased at the volunteer's request");
  }

  @Override
  public void revoke(String token) {
    Volunteer volunteer = acting(token);
    em.createNamedQuery("VolunteerToken.revokeOpen")
        .setParameter("now", now())
        .setParameter("volunteer", volunteer)
        .setParameter("purpose", VolunteerToken.Purpose.PRIVATE)
        .executeUpdate();
    audit(
        volunteer, VolunteerAction.VOLUNTEER_LINK_REVOKED, "Private link revoked by the volunteer");
  }

  @Override
  public void sendLink(String email, String siteAddress) {
    if (email == null || email.isBlank() || email.length() > SignUpCheck.EMAIL_MAX) {
      return;
    }
    Optional<Volunteer> found =
        em.createNamedQuery("Volunteer.findByEmailKey", Volunteer.class)
            .setParameter("emailKey", Volunteer.emailKey(email))
            .getResultStream()
            .findFirst()
            .filter(v -> v.getConfirmedAt() != null && !v.isErased());
    LocalDateTime now = now();
    found.ifPresent(
        v -> {
          em.lock(v, LockModeType.PESSIMISTIC_WRITE);
          if (!sentRecently(v, now)) {
            issue(v, siteAddress, now);
          }
        });
  }

  /**
   * Whether a link that still works was sent to the volunteer within {@link #RESEND_MINUTES}: the
   * form is open to anyone, who must not be able to flood a volunteer's inbox with links.
   */
  private boolean sentRecently(Volunteer volunteer, LocalDateTime now) {
    return VolunteerToken.openSince(
        em, volunteer, VolunteerToken.Purpose.PRIVATE, now.minusMinutes(RESEND_MINUTES));
  }

  /** The volunteer whose link this is, when it works. */
  private Volunteer volunteer(String token) {
    return openToken(token).getVolunteer();
  }

  /**
   * The volunteer whose link this is, when it works, for something they do with it (book, cancel,
   * change, download, forget, revoke): a link the volunteer acts with replaces their older ones,
   * which are revoked. Only an action does this, never opening the page: mail scanners open links
   * by themselves, and anyone may have a new link sent to any volunteer.
   */
  private Volunteer acting(String token) {
    VolunteerToken used = openToken(token);
    em.createNamedQuery("VolunteerToken.revokeOlder")
        .setParameter("now", now())
        .setParameter("volunteer", used.getVolunteer())
        .setParameter("purpose", VolunteerToken.Purpose.PRIVATE)
        .setParameter("id", used.getId())
        .executeUpdate();
    return used.getVolunteer();
  }

  private VolunteerToken openToken(String token) {
    Optional<VolunteerToken> found = lookUp(token);
    LinkStatus status = found.map(PrivateLinks::status).orElse(LinkStatus.UNKNOWN);
    if (status != LinkStatus.OPEN) {
      throw new PrivateLinkClosedException(status);
    }
    return found.get();
  }

  private Optional<VolunteerToken> lookUp(String token) {
    if (!Tokens.wellFormed(token)) {
      return Optional.empty();
    }
    return em.createNamedQuery("VolunteerToken.findByHash", VolunteerToken.class)
        .setParameter("hash", Tokens.hash(token))
        .getResultStream()
        .filter(t -> t.getPurpose() == VolunteerToken.Purpose.PRIVATE)
        .findFirst();
  }

  private static LinkStatus status(VolunteerToken t) {
    if (t.getVolunteer().isErased()) {
      return LinkStatus.UNKNOWN;
    }
    return t.getRevokedAt() == null ? LinkStatus.OPEN : LinkStatus.REVOKED;
  }

  private void audit(Volunteer volunteer, VolunteerAction action, String summary) {
    changes.fire(
        new VolunteerChanged(
            VolunteerChanged.VISITOR, action, String.valueOf(volunteer.getId()), summary));
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
  }
}
