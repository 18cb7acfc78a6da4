package org.aasr.donations.internal;

import com.stripe.exception.StripeException;
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
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aasr.donations.api.DonationAction;
import org.aasr.donations.api.DonationChanged;
import org.aasr.donations.api.Frequency;
import org.aasr.donations.api.Money;
import org.aasr.donations.api.MonthlyGift;
import org.aasr.donations.api.MonthlyGifts;

/**
 * A monthly donor's private cancel link.
 *
 * <p>A monthly card gift is one Stripe subscription and a donation row per month paid; each row's
 * receipt carried a link of its own. Any of them stops the whole subscription: Stripe is asked
 * first, and only when it has cancelled are the rows marked (their links cleared, so every link of
 * the gift is used up). If Stripe cannot be reached nothing is marked and the donor is asked to try
 * again. A pledged monthly gift has no processor: its row is marked cancelled, and a pledge not yet
 * paid is given up.
 *
 * <p>The row found by the token is locked first: two clicks on "Stop" send one request to Stripe,
 * and the second finds the link used.
 */
@ApplicationScoped
class DefaultMonthlyGifts implements MonthlyGifts {

  static final String DONOR = "visitor";
  private static final Logger LOG = Logger.getLogger(DefaultMonthlyGifts.class.getName());

  @PersistenceContext(unitName = "donations")
  EntityManager em;

  @Inject DonationSettings settings;
  @Inject StripeSettings stripe;
  @Inject Transactions transactions;
  @Inject Event<DonationChanged> changes;
  @Inject Event<MimeMessage> mail;

  Clock clock = Clock.systemUTC();
  private volatile StripeSubscriptions subscriptions;

  @Override
  public Optional<MonthlyGift> find(String token) {
    return byToken(token)
        .map(
            d -> {
              Currency currency = Currency.getInstance(d.getCurrency());
              Money amount = Money.of(d.getAmountMinor(), currency);
              return new MonthlyGift(
                  d.getCampaign().getName(),
                  amount,
                  amount.plus(Money.of(d.getFeeMinor(), currency)),
                  StripeGateway.NAME.equals(d.getGateway()),
                  first(d).getCreatedAt().toInstant(ZoneOffset.UTC));
            });
  }

  @Override
  public CancelOutcome cancel(String token) {
    if (!Tokens.wellFormed(token)) {
      return CancelOutcome.UNKNOWN;
    }
    try {
      return transactions.required(() -> cancelLocked(token));
    } catch (ProcessorUnavailable e) {
      return CancelOutcome.PROCESSOR_UNAVAILABLE;
    }
  }

  private CancelOutcome cancelLocked(String token) {
    Optional<Donation> found = byToken(token);
    if (found.isEmpty()) {
      return CancelOutcome.UNKNOWN;
    }
    Donation d = found.get();
    em.refresh(d, LockModeType.PESSIMISTIC_WRITE);
    if (d.getCancelledAt() != null || !Tokens.hash(token).equals(hashOf(d))) {
      return CancelOutcome.UNKNOWN; // a concurrent click used it while this one waited
    }
    List<Donation> rows =
        d.getSubscriptionId() == null
            ? List.of(d)
            : em.createNamedQuery("Donation.findBySubscription", Donation.class)
                .setParameter("subscription", d.getSubscriptionId())
                .getResultList();
    if (StripeGateway.NAME.equals(d.getGateway()) && d.getSubscriptionId() != null) {
      cancelAtStripe(d.getSubscriptionId());
    }
    LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    rows.forEach(r -> r.cancel(now));
    em.flush();
    Donation original = rows.get(0);
    changes.fire(
        new DonationChanged(
            DONOR,
            DonationAction.MONTHLY_GIFT_CANCELLED,
            original.getReference(),
            "monthly → cancelled by the donor's private link, "
                + DefaultDonationService.describe(original)
                + (d.getSubscriptionId() == null ? "" : ", subscription cancelled at Stripe")));
    if (d.getDonorEmail() != null) {
      mail.fire(ReceiptMail.cancelled(d, settings));
    }
    return CancelOutcome.CANCELLED;
  }

  private void cancelAtStripe(String subscriptionId) {
    if (!stripe.enabled()) {
      LOG.warning("A monthly card gift cannot be stopped: AASR_STRIPE_SECRET_KEY is not set");
      throw new ProcessorUnavailable();
    }
    try {
      String status = subscriptions().cancel(subscriptionId);
      LOG.log(Level.INFO, "Stripe subscription cancelled by its donor, now {0}", status);
    } catch (StripeException e) {
      LOG.log(Level.WARNING, "Stripe did not cancel a subscription: {0}", e.getMessage());
      throw new ProcessorUnavailable();
    }
  }

  private StripeSubscriptions subscriptions() {
    StripeSubscriptions s = subscriptions;
    if (s == null) {
      s = new StripeSubscriptions(stripe);
      subscriptions = s;
    }
    return s;
  }

  private Optional<Donation> byToken(String token) {
    if (!Tokens.wellFormed(token)) {
      return Optional.empty();
    }
    return em.createNamedQuery("Donation.findByCancelToken", Donation.class)
        .setParameter("hash", Tokens.hash(token))
        .getResultStream()
        .filter(d -> d.getFrequency() == Frequency.MONTHLY && d.getCancelledAt() == null)
        .findFirst();
  }

  /** The gift's first month, for the date it began. */
  private Donation first(Donation d) {
    if (d.getSubscriptionId() == null) {
      return d;
    }
    return em.createNamedQuery("Donation.findBySubscription", Donation.class)
        .setParameter("subscription", d.getSubscriptionId())
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .orElse(d);
  }

  private static String hashOf(Donation d) {
    return d.getCancelTokenHash();
  }

  /** Rolls the transaction back: Stripe did not cancel, so nothing is marked. */
  private static final class ProcessorUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProcessorUnavailable() {
      super("The card processor did not cancel the subscription", null, false, false);
    }
  }
}
