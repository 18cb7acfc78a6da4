package org.aasr.donations.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.aasr.donations.api.DonationAction;
import org.aasr.donations.api.DonationAdmin;
import org.aasr.donations.api.DonationChanged;
import org.aasr.donations.api.DonationStaff;
import org.aasr.donations.api.DonationStatus;
import org.aasr.donations.api.DonationSummary;

/** What staff do with donations; every method checks the caller first. */
@ApplicationScoped
class DefaultDonationAdmin implements DonationAdmin {

  @PersistenceContext(unitName = "donations")
  EntityManager em;

  @Inject DonationStaff staff;
  @Inject DonationSettings settings;
  @Inject Transactions transactions;
  @Inject Event<DonationChanged> changes;
  @Inject Event<MimeMessage> mail;

  Clock clock = Clock.systemUTC();

  @Override
  public DonationSummary confirmPledge(String reference) {
    String actor = requireStaff();
    return transactions.required(
        () -> {
          Donation d = lockedDonation(reference);
          if (d.getStatus() != DonationStatus.PLEDGED) {
            throw new IllegalStateException(
                "This donation is not a pledge waiting for its money (it is "
                    + d.getStatus().label().toLowerCase(java.util.Locale.ROOT)
                    + ").");
          }
          Confirmation.confirm(d, actor, now(), em, settings, changes, mail);
          return DefaultDonationService.toSummary(d);
        });
  }

  @Override
  public DonationSummary markRefunded(String reference) {
    String actor = requireStaff();
    return transactions.required(
        () -> {
          Donation d = lockedDonation(reference);
          if (d.getStatus() == DonationStatus.REFUNDED) {
            return DefaultDonationService.toSummary(d);
          }
          if (d.getStatus() != DonationStatus.CONFIRMED) {
            throw new IllegalStateException("Only a confirmed donation can be refunded.");
          }
          d.refund(now());
          em.flush();
          changes.fire(
              new DonationChanged(
                  actor,
                  DonationAction.DONATION_REFUNDED,
                  d.getReference(),
                  "confirmed → refunded, " + DefaultDonationService.describe(d)));
          return DefaultDonationService.toSummary(d);
        });
  }

  @Override
  public long pledgesWaiting() {
    requireStaff();
    return em.createNamedQuery("Donation.countByStatus", Long.class)
        .setParameter("status", DonationStatus.PLEDGED)
        .getSingleResult();
  }

  private Donation lockedDonation(String reference) {
    Donation d =
        em.createNamedQuery("Donation.findByReference", Donation.class)
            .setParameter("reference", reference)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("There is no such donation."));
    // Read again under a row lock: a webhook or another staff member may be changing it now.
    em.refresh(d, LockModeType.PESSIMISTIC_WRITE);
    return d;
  }

  private String requireStaff() {
    return staff
        .currentFundraiser()
        .orElseThrow(() -> new SecurityException("Only fundraising staff may do this."));
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
  }
}
