package org.aasr.donations.internal;

import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.aasr.donations.api.DonationChanged;
import org.aasr.donations.api.DonationForm;

/** The module's services wired by hand on a test database, as CDI wires them in the container. */
final class DonationFixture {

  final RecordingEvent<DonationChanged> changes = new RecordingEvent<>();
  final RecordingEvent<MimeMessage> mail = new RecordingEvent<>();
  final AtomicReference<String> staffMember = new AtomicReference<>("fundraiser@example.org");
  final DonationSettings settings;
  final AttemptLimiter limiter;
  final Clock clock;

  DonationFixture(Clock clock) {
    this(clock, DonationSettings.defaults(Currency.getInstance("USD")));
  }

  DonationFixture(Clock clock, DonationSettings settings) {
    this.clock = clock;
    this.settings = settings;
    this.limiter = new AttemptLimiter(settings, clock);
  }

  /** A public service on its own entity manager (one per thread in the concurrency tests). */
  DefaultDonationService service(EntityManager em) {
    DefaultDonationService s = new DefaultDonationService();
    s.em = em;
    s.settings = settings;
    s.transactions = new LocalTransactions(em);
    s.gateway = new PledgeGateway();
    s.limiter = limiter;
    s.refusals = refusals(em);
    s.changes = changes;
    s.mail = mail;
    s.clock = clock;
    return s;
  }

  /** The public service with Stripe as its gateway, against a fake of Stripe's API. */
  DefaultDonationService stripeService(EntityManager em, StripeSettings stripe) {
    DefaultDonationService s = service(em);
    s.gateway = new StripeGateway(stripe, settings);
    return s;
  }

  StripeWebhooks webhooks(EntityManager em, StripeSettings stripe, Clock clock) {
    StripeWebhooks w = new StripeWebhooks();
    w.em = em;
    w.stripe = stripe;
    w.settings = settings;
    w.transactions = new LocalTransactions(em);
    w.changes = changes;
    w.mail = mail;
    w.clock = clock;
    return w;
  }

  DefaultMonthlyGifts monthlyGifts(EntityManager em, StripeSettings stripe) {
    DefaultMonthlyGifts m = new DefaultMonthlyGifts();
    m.em = em;
    m.settings = settings;
    m.stripe = stripe;
    m.transactions = new LocalTransactions(em);
    m.changes = changes;
    m.mail = mail;
    m.clock = clock;
    return m;
  }

  /** A gift with every choice given, for the monthly and dedication cases. */
  static DonationForm form(
      String frequency,
      String dedication,
      String dedicatedTo,
      String notifyEmail,
      boolean anonymous) {
    return new DonationForm(
        "five-year-anniversary",
        UUID.randomUUID().toString(),
        "5000",
        "",
        frequency,
        "Ada Lovelace",
        "ada" + UUID.randomUUID().toString().substring(0, 6) + "@example.org",
        dedication,
        dedicatedTo,
        notifyEmail,
        anonymous,
        false,
        false,
        "");
  }

  /** The text of an email the module fired. */
  static String text(MimeMessage message) {
    try {
      return String.valueOf(message.getContent());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first recipient of an email. */
  static String to(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  DefaultDonationAdmin admin(EntityManager em) {
    DefaultDonationAdmin a = new DefaultDonationAdmin();
    a.em = em;
    a.staff = () -> Optional.ofNullable(staffMember.get());
    a.settings = settings;
    a.refusals = refusals(em);
    a.transactions = new LocalTransactions(em);
    a.changes = changes;
    a.mail = mail;
    a.clock = clock;
    return a;
  }

  static RefusalLog refusals(EntityManager em) {
    RefusalLog r = new RefusalLog();
    r.em = em;
    r.transactions = new LocalTransactions(em);
    return r;
  }

  /** A valid one-time gift of a suggested amount ($50) to the featured fundraiser. */
  static DonationForm form() {
    return form(UUID.randomUUID().toString(), "5000", "", "ada@example.org");
  }

  static DonationForm form(String key, String amount, String other, String email) {
    return new DonationForm(
        "five-year-anniversary",
        key,
        amount,
        other,
        "ONE_TIME",
        "Ada Lovelace",
        email,
        "NONE",
        "",
        "",
        false,
        false,
        false,
        "");
  }
}
