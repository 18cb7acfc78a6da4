package org.aasr.donations.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aasr.donations.api.DonationAction;
import org.aasr.donations.api.DonationChanged;
import org.aasr.donations.api.DonationStatus;
import org.aasr.donations.api.Frequency;
import org.aasr.donations.api.PaymentWebhooks;
import org.aasr.donations.api.WebhookOutcome;

/**
 * Applies Stripe's signed events: the only way a card donation is confirmed, failed or refunded.
 *
 * <ul>
 *   <li>The signature is checked with Stripe's client ({@link Webhook#constructEvent}) against the
 *       endpoint's secret, with a tolerance for clock skew; a missing, forged or stale one changes
 *       nothing.
 *   <li>Each event's id is stored in the transaction that applies it ({@code stripe_event}): a
 *       second delivery finds it, and two concurrent deliveries cannot both insert it, so an event
 *       is applied once.
 *   <li>Events are applied one at a time (a row lock), and every change moves forward only: a
 *       completed payment confirms a pending (or failed) donation, never a refunded one; a refund
 *       that comes before its payment's completion is kept ({@code stripe_refund}) and applied when
 *       the completion arrives, so the donation ends refunded whatever the order.
 * </ul>
 */
@ApplicationScoped
class StripeWebhooks implements PaymentWebhooks {

  static final String ACTOR = "stripe";
  private static final Logger LOG = Logger.getLogger(StripeWebhooks.class.getName());

  @PersistenceContext(unitName = "donations")
  EntityManager em;

  @Inject StripeSettings stripe;
  @Inject DonationSettings settings;
  @Inject Transactions transactions;
  @Inject jakarta.enterprise.event.Event<DonationChanged> changes;
  @Inject jakarta.enterprise.event.Event<MimeMessage> mail;

  Clock clock = Clock.systemUTC();

  @Override
  public WebhookOutcome stripe(String payload, String signature) {
    if (stripe.webhookSecret() == null) {
      return WebhookOutcome.NOT_CONFIGURED;
    }
    if (payload == null || signature == null || signature.isBlank()) {
      return WebhookOutcome.REFUSED;
    }
    Event event;
    try {
      event =
          Webhook.constructEvent(
              payload, signature, stripe.webhookSecret(), stripe.toleranceSeconds(), clock);
    } catch (SignatureVerificationException | RuntimeException e) { // forged, stale, or not JSON
      LOG.log(Level.WARNING, "Refused a Stripe webhook: {0}", e.getMessage());
      return WebhookOutcome.REFUSED;
    }
    if (event.getId() == null || event.getType() == null) {
      return WebhookOutcome.REFUSED;
    }
    try {
      return transactions.required(() -> apply(event));
    } catch (RuntimeException e) {
      // A concurrent delivery of the same event stored its id first: that one applied it.
      if (processed(event.getId())) {
        return WebhookOutcome.DUPLICATE;
      }
      throw e;
    }
  }

  private boolean processed(String eventId) {
    return ((Number)
                em.createNativeQuery("SELECT COUNT(*) FROM stripe_event WHERE event_id = ?")
                    .setParameter(1, eventId)
                    .getSingleResult())
            .longValue()
        > 0;
  }

  private WebhookOutcome apply(Event event) {
    // One event at a time: a refund and the completion of its payment, arriving together in
    // either order, must see each other's effect. Webhooks are few; the lock is held briefly.
    em.createNativeQuery(
            "UPDATE receipt_sequence SET last_number = last_number WHERE receipt_year = 0")
        .executeUpdate();
    if (processed(event.getId())) {
      return WebhookOutcome.DUPLICATE;
    }
    em.createNativeQuery(
            "INSERT INTO stripe_event (event_id, event_type, received_at) VALUES (?, ?, ?)")
        .setParameter(1, event.getId())
        .setParameter(2, clip(event.getType(), 100))
        .setParameter(3, now())
        .executeUpdate();
    StripeObject object = object(event);
    JsonObject raw = raw(event);
    boolean applied =
        switch (event.getType()) {
          case "checkout.session.completed", "checkout.session.async_payment_succeeded" ->
              completed((Session) object);
          case "checkout.session.async_payment_failed", "checkout.session.expired" ->
              failed((Session) object);
          case "charge.refunded" -> refunded((Charge) object, raw);
          case "invoice.paid" -> invoicePaid((Invoice) object, raw);
          case "invoice_payment.paid" -> invoicePaymentPaid((InvoicePayment) object);
          case "customer.subscription.deleted" -> subscriptionEnded(object, raw);
          default -> false;
        };
    return applied ? WebhookOutcome.PROCESSED : WebhookOutcome.IGNORED;
  }

  /**
   * The event's object. Stripe's client deserialises it only when the event's API version is the
   * client's; an endpoint on another version still has the fields read here, so fall back.
   */
  private static StripeObject object(Event event) {
    var data = event.getDataObjectDeserializer();
    // The client's version check fails on an event that names no API version.
    Optional<StripeObject> matching =
        event.getApiVersion() == null ? Optional.empty() : data.getObject();
    return matching.orElseGet(
        () -> {
          try {
            return data.deserializeUnsafe();
          } catch (EventDataObjectDeserializationException e) {
            throw new IllegalStateException("Unreadable Stripe event " + event.getId(), e);
          }
        });
  }

  /** The event's object as sent, for the fields an older API version has and the client lacks. */
  private static JsonObject raw(Event event) {
    try {
      String json = event.getDataObjectDeserializer().getRawJson();
      return json == null ? new JsonObject() : JsonParser.parseString(json).getAsJsonObject();
    } catch (RuntimeException e) {
      return new JsonObject();
    }
  }

  private static String text(JsonObject raw, String field) {
    JsonElement value = raw.get(field);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
  }

  private boolean completed(Session session) {
    Optional<Donation> found = donation(session.getClientReferenceId());
    if (found.isEmpty()) {
      return false;
    }
    Donation d = found.get();
    d.paidBy(session.getPaymentIntent(), session.getSubscription());
    String paymentStatus = session.getPaymentStatus();
    if (!"paid".equals(paymentStatus) && !"no_payment_required".equals(paymentStatus)) {
      return true; // a delayed method (a bank debit): async_payment_succeeded will follow
    }
    if (d.getStatus() != DonationStatus.PENDING && d.getStatus() != DonationStatus.FAILED) {
      return true; // already confirmed, or refunded: nothing moves back
    }
    // A monthly gift's session has no payment intent: its first invoice told the donation's.
    String paymentIntent =
        session.getPaymentIntent() != null ? session.getPaymentIntent() : d.getPaymentIntent();
    if (paymentIntent != null && refundArrivedFirst(paymentIntent)) {
      d.refund(now());
      em.flush();
      audit(d, DonationAction.DONATION_REFUNDED, "pending → refunded (the refund came first)");
      return true;
    }
    Confirmation.confirm(d, ACTOR, now(), em, settings, changes, mail);
    return true;
  }

  /**
   * A monthly gift's subscription ended at Stripe: cancelled in Stripe's dashboard, or by Stripe
   * once the payments it retried had failed. Every month's row is marked cancelled, as when the
   * donor cancels here (their cancel links stop working), audited with Stripe's reason, and the
   * donor is told that no further gift will be taken. A gift the donor cancelled here is marked
   * already, and the event that Stripe sends for it changes nothing. (A donor cancelling at the
   * same moment changes the same rows: their version numbers let one transaction win and the other
   * fail and, for this event, be delivered again.)
   */
  private boolean subscriptionEnded(StripeObject object, JsonObject raw) {
    String subscriptionId = object instanceof Subscription s ? s.getId() : text(raw, "id");
    if (subscriptionId == null) {
      return false;
    }
    List<Donation> rows =
        em.createNamedQuery("Donation.findBySubscription", Donation.class)
            .setParameter("subscription", subscriptionId)
            .getResultList();
    if (rows.isEmpty()) {
      // Ended before its checkout's completion told the gift its subscription (events come in any
      // order): the subscription names the gift in its metadata, as the checkout made it.
      JsonElement metadata = raw.get("metadata");
      rows =
          donation(
                  metadata != null && metadata.isJsonObject()
                      ? text(metadata.getAsJsonObject(), "donation")
                      : null)
              .filter(d -> d.getFrequency() == Frequency.MONTHLY)
              .filter(d -> d.getSubscriptionId() == null)
              .map(List::of)
              .orElse(List.of());
    }
    List<Donation> open = rows.stream().filter(r -> r.getCancelledAt() == null).toList();
    if (open.isEmpty()) {
      return false;
    }
    LocalDateTime now = now();
    open.forEach(r -> r.cancel(now));
    em.flush();
    Donation original = rows.get(0);
    JsonElement details = raw.get("cancellation_details");
    String reason =
        details != null && details.isJsonObject()
            ? text(details.getAsJsonObject(), "reason")
            : null;
    audit(
        original,
        DonationAction.MONTHLY_GIFT_ENDED,
        "monthly → ended at Stripe" + (reason == null ? "" : " (" + clip(reason, 60) + ")"));
    if (original.getDonorEmail() != null) {
      mail.fire(ReceiptMail.cancelled(original, settings));
    }
    return true;
  }

  private boolean failed(Session session) {
    Optional<Donation> found = donation(session.getClientReferenceId());
    if (found.isEmpty() || found.get().getStatus() != DonationStatus.PENDING) {
      return found.isPresent();
    }
    found.get().fail();
    em.flush();
    audit(found.get(), DonationAction.DONATION_FAILED, "pending → failed");
    return true;
  }

  /**
   * A full refund of a charge: a one-time gift's, or one month of a monthly gift (found by the
   * payment intent its invoice recorded, or by the invoice the charge names on older API versions).
   * A refund whose payment is not known yet is kept, under each key it has, for when it is.
   */
  private boolean refunded(Charge charge, JsonObject raw) {
    String invoiceId = text(raw, "invoice");
    if (!Boolean.TRUE.equals(charge.getRefunded())
        || (charge.getPaymentIntent() == null && invoiceId == null)) {
      return false; // a partial refund leaves the gift counted; staff adjust it
    }
    Optional<Donation> found =
        Optional.ofNullable(charge.getPaymentIntent())
            .flatMap(this::byPaymentIntent)
            .or(() -> Optional.ofNullable(invoiceId).flatMap(this::byInvoice))
            .map(this::locked);
    if (found.isEmpty()) {
      rememberRefund(charge.getPaymentIntent());
      rememberRefund(invoiceId);
      return true;
    }
    refund(found.get());
    return true;
  }

  private void refund(Donation d) {
    if (d.getStatus() == DonationStatus.REFUNDED) {
      return;
    }
    String before = d.getStatus().name().toLowerCase(java.util.Locale.ROOT);
    d.refund(now());
    em.flush();
    audit(d, DonationAction.DONATION_REFUNDED, before + " → refunded");
  }

  private void rememberRefund(String key) {
    if (key != null && !refundArrivedFirst(key)) {
      em.createNativeQuery("INSERT INTO stripe_refund (payment_intent, received_at) VALUES (?, ?)")
          .setParameter(1, key)
          .setParameter(2, now())
          .executeUpdate();
    }
  }

  private Optional<Donation> byPaymentIntent(String paymentIntent) {
    return em.createNamedQuery("Donation.findByPaymentIntent", Donation.class)
        .setParameter("paymentIntent", paymentIntent)
        .getResultStream()
        .findFirst();
  }

  /** A later month of a monthly gift: its row's gateway reference is its invoice's id. */
  private Optional<Donation> byInvoice(String invoiceId) {
    return em.createNamedQuery("Donation.findByGatewayReference", Donation.class)
        .setParameter("reference", invoiceId)
        .getResultStream()
        .filter(d -> StripeGateway.NAME.equals(d.getGateway()))
        .findFirst();
  }

  /**
   * The payment intent that paid an invoice: in its {@code payments} (current API versions, when
   * the event includes them) or its own {@code payment_intent} field (older ones); null if neither.
   */
  private static String paymentIntentOf(Invoice invoice, JsonObject raw) {
    if (invoice.getPayments() != null && invoice.getPayments().getData() != null) {
      for (InvoicePayment p : invoice.getPayments().getData()) {
        if (p.getPayment() != null && p.getPayment().getPaymentIntent() != null) {
          return p.getPayment().getPaymentIntent();
        }
      }
    }
    return text(raw, "payment_intent");
  }

  /**
   * Stripe's record of how an invoice was paid ({@code invoice_payment.paid}), which may come
   * before or after {@code invoice.paid}: the month's row learns its payment intent, so that a
   * later refund of the charge finds it, and a refund that came first is applied now.
   */
  private boolean invoicePaymentPaid(InvoicePayment payment) {
    if (payment.getInvoice() == null
        || payment.getPayment() == null
        || payment.getPayment().getPaymentIntent() == null) {
      return false;
    }
    Optional<Donation> found = byInvoice(payment.getInvoice()).map(this::locked);
    if (found.isEmpty()) {
      return false; // the first month (its Checkout's row), or invoice.paid comes later with it
    }
    String paymentIntent = payment.getPayment().getPaymentIntent();
    Donation d = found.get();
    d.paidBy(paymentIntent, null);
    em.flush();
    if (refundArrivedFirst(paymentIntent)) {
      refund(d);
    }
    return true;
  }

  /**
   * A monthly gift's later month: a donation of its own, with its own receipt, unless its charge
   * was refunded before this arrived (then it is stored refunded, never counted, no receipt). The
   * first month is the Checkout Session's own completion: its invoice only tells which payment
   * intent paid it, so that a refund of that charge finds the gift.
   */
  private boolean invoicePaid(Invoice invoice, JsonObject raw) {
    if (invoice.getParent() == null || invoice.getParent().getSubscriptionDetails() == null) {
      return false;
    }
    String paymentIntent = paymentIntentOf(invoice, raw);
    if ("subscription_create".equals(invoice.getBillingReason())) {
      return firstMonthPaid(invoice.getParent().getSubscriptionDetails(), paymentIntent);
    }
    if (!"subscription_cycle".equals(invoice.getBillingReason())) {
      return false;
    }
    String subscription = invoice.getParent().getSubscriptionDetails().getSubscription();
    Optional<Donation> first =
        em.createNamedQuery("Donation.findBySubscription", Donation.class)
            .setParameter("subscription", subscription)
            .setMaxResults(1)
            .getResultStream()
            .findFirst();
    if (first.isEmpty()) {
      return false;
    }
    Donation original = first.get();
    Donation month =
        new Donation(
            java.util.UUID.randomUUID().toString(),
            "invoice-" + invoice.getId(),
            original.getCampaign(),
            original.getAmountMinor(),
            original.getFeeMinor(),
            original.getCurrency(),
            original.getFrequency(),
            DonationStatus.PENDING,
            StripeGateway.NAME,
            now());
    month.setDonor(
        original.getDonorName(),
        original.getDonorEmail(),
        original.isAnonymous(),
        original.isNewsOptIn());
    month.setDedication(
        original.getDedication(), original.getDedicatedTo(), original.getNotifyEmail());
    month.paidBy(paymentIntent, subscription);
    month.setGatewayReference(invoice.getId());
    // The first month told the person the gift honours; the later ones do not tell them again.
    month.dedicationNotified(now());
    em.persist(month);
    em.flush();
    if ((paymentIntent != null && refundArrivedFirst(paymentIntent))
        || refundArrivedFirst(invoice.getId())) {
      month.refund(now());
      em.flush();
      audit(month, DonationAction.DONATION_REFUNDED, "pending → refunded (the refund came first)");
      return true;
    }
    Confirmation.confirm(month, ACTOR, now(), em, settings, changes, mail);
    return true;
  }

  private boolean firstMonthPaid(Invoice.Parent.SubscriptionDetails details, String paymentIntent) {
    String subscription = details.getSubscription();
    if (paymentIntent == null) {
      return false;
    }
    // Found by its subscription, or, when this comes before the Checkout's completion, by the
    // donation's reference the subscription carries in its metadata (StripeGateway sets it).
    Optional<Donation> first =
        (subscription == null
                ? Optional.<Donation>empty()
                : em.createNamedQuery("Donation.findBySubscription", Donation.class)
                    .setParameter("subscription", subscription)
                    .setMaxResults(1)
                    .getResultStream()
                    .findFirst())
            .or(
                () ->
                    donation(
                        details.getMetadata() == null
                            ? null
                            : details.getMetadata().get("donation")))
            .map(this::locked);
    if (first.isEmpty()) {
      return false;
    }
    Donation d = first.get();
    d.paidBy(d.getPaymentIntent() == null ? paymentIntent : null, subscription);
    em.flush();
    if (refundArrivedFirst(paymentIntent) && d.getStatus() == DonationStatus.CONFIRMED) {
      refund(d);
    }
    return true;
  }

  private boolean refundArrivedFirst(String paymentIntent) {
    return ((Number)
                em.createNativeQuery("SELECT COUNT(*) FROM stripe_refund WHERE payment_intent = ?")
                    .setParameter(1, paymentIntent)
                    .getSingleResult())
            .longValue()
        > 0;
  }

  private Optional<Donation> donation(String reference) {
    if (reference == null) {
      return Optional.empty();
    }
    return em.createNamedQuery("Donation.findByReference", Donation.class)
        .setParameter("reference", reference)
        .getResultStream()
        .findFirst()
        .filter(d -> StripeGateway.NAME.equals(d.getGateway()))
        .map(this::locked);
  }

  private Donation locked(Donation d) {
    em.refresh(d, LockModeType.PESSIMISTIC_WRITE);
    return d;
  }

  private void audit(Donation d, DonationAction action, String summary) {
    changes.fire(
        new DonationChanged(
            ACTOR, action, d.getReference(), summary + ", " + DefaultDonationService.describe(d)));
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
