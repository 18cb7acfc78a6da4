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
import java.util.Optional;
import org.aasr.volunteers.api.OpportunityDetail;
import org.aasr.volunteers.api.OpportunityStatus;
import org.aasr.volunteers.api.OpportunitySummary;
import org.aasr.volunteers.api.SignUp;
import org.aasr.volunteers.api.SignUpResult;
import org.aasr.volunteers.api.VolunteerAction;
import org.aasr.volunteers.api.VolunteerChanged;
import org.aasr.volunteers.api.VolunteerService;

/** The public side of volunteering over JPA: open opportunities and sign-ups. */
@ApplicationScoped
class DefaultVolunteerService implements VolunteerService {

  @PersistenceContext(unitName = "volunteers")
  EntityManager em;

  @Inject Event<VolunteerChanged> changes;

  private Clock clock = Clock.systemUTC();

  /** For CDI. */
  DefaultVolunteerService() {}

  /** For tests outside the container. */
  DefaultVolunteerService(EntityManager em, Clock clock, Event<VolunteerChanged> changes) {
    this.em = em;
    this.clock = clock;
    this.changes = changes;
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

  @Override
  @Transactional
  public SignUpResult signUp(SignUp form) {
    SignUp checked = SignUpCheck.checked(form);
    LocalDateTime now = now();
    Optional<Volunteer> existing =
        em.createNamedQuery("Volunteer.findByEmailKey", Volunteer.class)
            .setParameter("emailKey", Volunteer.emailKey(checked.email()))
            .getResultStream()
            .findFirst();
    Volunteer volunteer = existing.orElseGet(() -> new Volunteer(now));
    volunteer.apply(checked, now);
    if (existing.isEmpty()) {
      em.persist(volunteer);
    }
    em.flush();
    boolean updated = existing.isPresent();
    changes.fire(
        new VolunteerChanged(
            VolunteerChanged.VISITOR,
            updated
                ? VolunteerAction.VOLUNTEER_UPDATED_SIGN_UP
                : VolunteerAction.VOLUNTEER_SIGNED_UP,
            String.valueOf(volunteer.getId()),
            updated
                ? "Signed up again with the same address; details replaced"
                : "Signed up (status New)"));
    return new SignUpResult(volunteer.getId(), updated);
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
  }
}
