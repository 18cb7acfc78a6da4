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
import java.util.List;
import java.util.Optional;
import org.aasr.volunteers.api.Confirmation;
import org.aasr.volunteers.api.OpportunityDetail;
import org.aasr.volunteers.api.OpportunityStatus;
import org.aasr.volunteers.api.OpportunitySummary;
import org.aasr.volunteers.api.SignUp;
import org.aasr.volunteers.api.SignUpResult;
import org.aasr.volunteers.api.VolunteerAction;
import org.aasr.volunteers.api.VolunteerChanged;
import org.aasr.volunteers.api.VolunteerService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public side of volunteering over JPA: open opportunities, sign-ups and the confirmation of a
 * volunteer's address (double opt-in: until it is confirmed, nobody contacts them). Confirming
 * emails the volunteer their private link ({@link PrivateLinks}).
 */
@ApplicationScoped
class DefaultVolunteerService implements VolunteerService {

  @PersistenceContext(unitName = "volunteers")
  EntityManager em;

  @Inject Event<VolunteerChanged> changes;
  @Inject Event<MimeMessage> mail;
  @Inject PrivateLinks links;

  /** How long the link that confirms an address works. */
  @Inject
  @ConfigProperty(name = "aasr.volunteers.confirm-hours", defaultValue = "48")
  int confirmHours = 48;

  private Clock clock = Clock.systemUTC();

  /** For CDI. */
  DefaultVolunteerService() {}

  /** For tests outside the container. */
  DefaultVolunteerService(
      EntityManager em,
      Clock clock,
      Event<VolunteerChanged> changes,
      Event<MimeMessage> mail,
      int confirmHours) {
    this.em = em;
    this.clock = clock;
    this.changes = changes;
    this.mail = mail;
    this.confirmHours = confirmHours;
    Bookings bookings = new Bookings(em, clock, changes, mail);
    this.links =
        new PrivateLinks(
            em,
            clock,
            changes,
            mail,
            bookings,
            new PersonalData(em, clock, changes, bookings, Optional::empty));
  }

  @Override
  public List<OpportunitySummary> openOpportunities() {
    return em.createNamedQuery("Opportunity.findByStatus", Opportunity.class)
        .setParameter("status", OpportunityStatus.OPEN)
        .getResultStream()
        .map(Opportunity::toSummary)
        .toList();
  }

  @Override
  public Optional<OpportunityDetail> openOpportunity(String slug) {
    if (slug == null || slug.length() > 120) {
      return Optional.empty();
    }
    return em.createNamedQuery("Opportunity.findBySlugAndStatus", Opportunity.class)
        .setParameter("slug", slug)
        .setParameter("status", OpportunityStatus.OPEN)
        .getResultStream()
        .findFirst()
        .map(
            o ->
                new OpportunityDetail(
                    o.toSummary(),
                    o.getInvolves(),
                    em.createNamedQuery("Shift.findComing", Shift.class)
                        .setParameter("opportunity", o)
                        .setParameter("now", now())
                        .getResultStream()
                        .map(Shift::toInfo)
                        .toList()));
  }

  /**
   * Signs a visitor up; an address already signed up changes nothing of that volunteer's record.
   * The form is open to anyone, who must be able neither to rewrite someone else's details by
   * typing their address nor to learn whether it is signed up: the visitor is thanked alike, and it
   * is the address's owner who is emailed, with the link to confirm it if they have not yet, or
   * with their private link, where they can change their details (either at most once in {@link
   * PrivateLinks#RESEND_MINUTES} minutes).
   */
  @Override
  @Transactional
  public SignUpResult signUp(SignUp form, String siteAddress) {
    SignUp checked = SignUpCheck.checked(form);
    LocalDateTime now = now();
    Optional<Volunteer> existing =
        em.createNamedQuery("Volunteer.findByEmailKey", Volunteer.class)
            .setParameter("emailKey", Volunteer.emailKey(checked.email()))
            .getResultStream()
            .findFirst();
    if (existing.isPresent()) {
      Volunteer volunteer = existing.get();
      changes.fire(
          new VolunteerChanged(
              VolunteerChanged.VISITOR,
              VolunteerAction.VOLUNTEER_UPDATED_SIGN_UP,
              String.valueOf(volunteer.getId()),
              "Signed up again with the same address; details kept, the address emailed"));
      if (volunteer.getConfirmedAt() == null) {
        // At most one confirmation in a few minutes, counted under a lock on the volunteer: the
        // form is open to anyone, who must not flood an inbox or keep breaking its link.
        em.lock(volunteer, LockModeType.PESSIMISTIC_WRITE);
        if (!confirmationSentRecently(volunteer, now)) {
          sendConfirmation(volunteer, siteAddress, now);
        }
      } else {
        links.remind(volunteer, siteAddress, now);
      }
      return new SignUpResult(volunteer.getId(), true);
    }
    Volunteer volunteer = new Volunteer(now);
    volunteer.apply(checked, now);
    em.persist(volunteer);
    em.flush();
    changes.fire(
        new VolunteerChanged(
            VolunteerChanged.VISITOR,
            VolunteerAction.VOLUNTEER_SIGNED_UP,
            String.valueOf(volunteer.getId()),
            "Signed up (status New)"));
    sendConfirmation(volunteer, siteAddress, now);
    return new SignUpResult(volunteer.getId(), false);
  }

  private boolean confirmationSentRecently(Volunteer volunteer, LocalDateTime now) {
    return VolunteerToken.openSince(
        em,
        volunteer,
        VolunteerToken.Purpose.CONFIRM,
        now.minusMinutes(PrivateLinks.RESEND_MINUTES));
  }

  /** A new confirmation link, which replaces any unused one sent before. */
  private void sendConfirmation(Volunteer volunteer, String siteAddress, LocalDateTime now) {
    em.createNamedQuery("VolunteerToken.revokeOpen")
        .setParameter("now", now)
        .setParameter("volunteer", volunteer)
        .setParameter("purpose", VolunteerToken.Purpose.CONFIRM)
        .executeUpdate();
    String token = Tokens.newToken();
    em.persist(
        new VolunteerToken(
            volunteer,
            VolunteerToken.Purpose.CONFIRM,
            Tokens.hash(token),
            now,
            now.plusHours(confirmHours)));
    String base = siteAddress.endsWith("/") ? siteAddress : siteAddress + "/";
    mail.fire(
        VolunteerMail.confirmation(
            volunteer.getEmail(),
            volunteer.getFullName(),
            base + "volunteer-confirm?token=" + token,
            confirmHours));
  }

  @Override
  public Confirmation checkConfirmation(String token) {
    return confirmationToken(token).map(t -> state(t, now())).orElse(Confirmation.UNKNOWN);
  }

  @Override
  @Transactional
  public Confirmation confirm(String token, String siteAddress) {
    Optional<VolunteerToken> found = confirmationToken(token);
    if (found.isEmpty()) {
      return Confirmation.UNKNOWN;
    }
    LocalDateTime now = now();
    VolunteerToken t = found.get();
    Confirmation state = state(t, now);
    if (state != Confirmation.CONFIRMED) {
      return state;
    }
    // Whoever sets used_at first wins; a second click at the same moment changes nothing.
    int won =
        em.createNamedQuery("VolunteerToken.use")
            .setParameter("now", now)
            .setParameter("id", t.getId())
            .executeUpdate();
    if (won == 0) {
      return Confirmation.USED;
    }
    Volunteer volunteer = t.getVolunteer();
    volunteer.confirm(now);
    changes.fire(
        new VolunteerChanged(
            VolunteerChanged.VISITOR,
            VolunteerAction.VOLUNTEER_CONFIRMED,
            String.valueOf(volunteer.getId()),
            "Email address confirmed"));
    links.issue(volunteer, siteAddress, now);
    return Confirmation.CONFIRMED;
  }

  private Optional<VolunteerToken> confirmationToken(String token) {
    if (!Tokens.wellFormed(token)) {
      return Optional.empty();
    }
    return em.createNamedQuery("VolunteerToken.findByHash", VolunteerToken.class)
        .setParameter("hash", Tokens.hash(token))
        .getResultStream()
        .filter(t -> t.getPurpose() == VolunteerToken.Purpose.CONFIRM)
        .findFirst();
  }

  private static Confirmation state(VolunteerToken t, LocalDateTime now) {
    if (t.getUsedAt() != null || t.getRevokedAt() != null) {
      return Confirmation.USED;
    }
    if (t.getExpiresAt() != null && !now.isBefore(t.getExpiresAt())) {
      return Confirmation.EXPIRED;
    }
    return Confirmation.CONFIRMED;
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
  }
}
