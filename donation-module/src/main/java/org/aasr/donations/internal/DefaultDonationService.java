package org.aasr.donations.internal;

import static org.aasr.donations.api.DonationForm.FIELD_AMOUNT;
import static org.aasr.donations.api.DonationForm.FIELD_CAMPAIGN;
import static org.aasr.donations.api.DonationForm.FIELD_DEDICATED_TO;
import static org.aasr.donations.api.DonationForm.FIELD_DEDICATION;
import static org.aasr.donations.api.DonationForm.FIELD_EMAIL;
import static org.aasr.donations.api.DonationForm.FIELD_FORM;
import static org.aasr.donations.api.DonationForm.FIELD_FREQUENCY;
import static org.aasr.donations.api.DonationForm.FIELD_NAME;
import static org.aasr.donations.api.DonationForm.FIELD_NOTIFY_EMAIL;
import static org.aasr.donations.api.DonationForm.FIELD_OTHER_AMOUNT;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.aasr.donations.api.CampaignInfo;
import org.aasr.donations.api.Dedication;
import org.aasr.donations.api.DonationAction;
import org.aasr.donations.api.DonationChanged;
import org.aasr.donations.api.DonationForm;
import org.aasr.donations.api.DonationLimits;
import org.aasr.donations.api.DonationRejectedException;
import org.aasr.donations.api.DonationService;
import org.aasr.donations.api.DonationStarted;
import org.aasr.donations.api.DonationStatus;
import org.aasr.donations.api.DonationSummary;
import org.aasr.donations.api.Frequency;
import org.aasr.donations.api.InvalidAmountException;
import org.aasr.donations.api.Money;

/**
 * Fundraisers for the public pages, and donations from the form.
 *
 * <p>A form carries a key, stored with the unique constraint {@code uq_donation_form_key}: the same
 * form sent twice (a double click, a reload, a second tab racing the first) finds the first
 * donation, and if two requests race past that lookup the database refuses the second insert and
 * this service answers with the donation the first one stored.
 */
@ApplicationScoped
class DefaultDonationService implements DonationService {

  static final String VISITOR = "visitor";

  private static final int MAX_NAME = 200;
  private static final int MAX_EMAIL = 254;
  private static final Pattern FORM_KEY = Pattern.compile("[A-Za-z0-9-]{16,64}");
  private static final Pattern EMAIL =
      Pattern.compile(
          "[^@\\s\"(),:;<>\\[\\]\\\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  @PersistenceContext(unitName = "donations")
  EntityManager em;

  @Inject DonationSettings settings;
  @Inject Transactions transactions;
  @Inject PaymentGateway gateway;
  @Inject AttemptLimiter limiter;
  @Inject RefusalLog refusals;
  @Inject Event<DonationChanged> changes;
  @Inject Event<MimeMessage> mail;

  Clock clock = Clock.systemUTC();

  @Override
  public Optional<CampaignInfo> featuredCampaign() {
    return em.createNamedQuery("Campaign.findFeatured", Campaign.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(this::toInfo);
  }

  @Override
  public Optional<CampaignInfo> campaign(String slug) {
    return findCampaign(slug).map(this::toInfo);
  }

  private Optional<Campaign> findCampaign(String slug) {
    if (slug == null || slug.length() > 120) {
      return Optional.empty();
    }
    return em.createNamedQuery("Campaign.findBySlug", Campaign.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  private CampaignInfo toInfo(Campaign c) {
    Object[] totals =
        em.createNamedQuery("Donation.totals", Object[].class)
            .setParameter("campaign", c)
            .setParameter("status", DonationStatus.CONFIRMED)
            .setParameter("currency", settings.currency().getCurrencyCode())
            .getSingleResult();
    long raised = totals[0] == null ? 0 : ((Number) totals[0]).longValue();
    long donors = totals[1] == null ? 0 : ((Number) totals[1]).longValue();
    LocalDate today = today();
    long daysLeft =
        c.getEndDate() == null ? -1 : Math.max(0, ChronoUnit.DAYS.between(today, c.getEndDate()));
    return new CampaignInfo(
        c.getSlug(),
        c.getName(),
        c.getDescription(),
        c.getGoalMinor() == null ? null : money(c.getGoalMinor()),
        c.getStartDate(),
        c.getEndDate(),
        c.getSuggestedAmounts().stream().map(this::money).toList(),
        money(raised),
        donors,
        daysLeft,
        c.isOpenOn(today));
  }

  @Override
  public DonationLimits limits() {
    return new DonationLimits(
        settings.currency(),
        settings.minimum(),
        settings.maximum(),
        settings.feePercent(),
        settings.feeFixed());
  }

  @Override
  public Money coverFee(Money gift) {
    return settings.coverFee(gift);
  }

  @Override
  public DonationStarted donate(DonationForm form, String clientAddress, Locale locale) {
    String key = form.formKey();
    if (key == null || !FORM_KEY.matcher(key).matches()) {
      throw rejected(
          FIELD_FORM, "This form has expired. Please check your details and send it again.");
    }
    Optional<Donation> earlier = findByFormKey(key);
    if (earlier.isPresent()) {
      return new DonationStarted(earlier.get().getReference(), null);
    }
    if (form.honeypot() != null && !form.honeypot().isEmpty()) {
      limiter.countRefusal();
      refusals.count(today());
      throw rejected(FIELD_FORM, "We could not take this gift. Please write to us instead.");
    }
    if (!limiter.tryAttempt(
        clientAddress == null ? "unknown" : clientAddress, validEmailOrNull(form.email()), key)) {
      refusals.count(today());
      throw rejected(
          FIELD_FORM,
          "Too many gifts were tried from here in a short time. To protect donors from card"
              + " fraud, please wait "
              + limiter.window().toMinutes()
              + " minutes and try again.");
    }
    Accepted accepted = check(form, locale);
    try {
      return transactions.required(() -> store(key, accepted));
    } catch (RuntimeException e) {
      // Two requests with one form raced past the lookup: the database kept only the first.
      return findByFormKey(key)
          .map(d -> new DonationStarted(d.getReference(), null))
          .orElseThrow(() -> e);
    }
  }

  private DonationStarted store(String key, Accepted a) {
    Campaign campaign = em.find(Campaign.class, a.campaign.getId());
    Donation d =
        new Donation(
            UUID.randomUUID().toString(),
            key,
            campaign,
            a.amount.minorUnits(),
            a.fee.minorUnits(),
            settings.currency().getCurrencyCode(),
            a.frequency,
            gateway.initialStatus(),
            gateway.name(),
            now());
    d.setDonor(a.name, a.email, a.anonymous, a.newsOptIn);
    d.setDedication(a.dedication, a.dedicatedTo, a.notifyEmail);
    em.persist(d);
    em.flush();
    String paymentUrl = gateway.begin(d);
    boolean pledge = d.getStatus() == DonationStatus.PLEDGED;
    changes.fire(
        new DonationChanged(
            VISITOR,
            pledge ? DonationAction.DONATION_PLEDGED : DonationAction.DONATION_STARTED,
            d.getReference(),
            describe(d) + " to " + campaign.getSlug() + ", by " + gateway.name()));
    if (pledge) {
      mail.fire(ReceiptMail.pledge(d, settings));
    }
    return new DonationStarted(d.getReference(), paymentUrl);
  }

  /** The form's values once every field has passed. */
  private record Accepted(
      Campaign campaign,
      Money amount,
      Money fee,
      Frequency frequency,
      String name,
      String email,
      Dedication dedication,
      String dedicatedTo,
      String notifyEmail,
      boolean anonymous,
      boolean newsOptIn) {}

  private Accepted check(DonationForm form, Locale locale) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<Campaign> campaign =
        form.campaign() == null || form.campaign().isBlank()
            ? em.createNamedQuery("Campaign.findFeatured", Campaign.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
            : findCampaign(form.campaign());
    if (campaign.isEmpty()) {
      errors.put(FIELD_CAMPAIGN, "We could not find this fundraiser.");
    } else if (!campaign.get().isOpenOn(today())) {
      errors.put(FIELD_CAMPAIGN, "This fundraiser is closed and no longer takes gifts.");
    }

    Money amount = campaign.isPresent() ? amount(form, campaign.get(), locale, errors) : null;

    Frequency frequency = null;
    try {
      frequency = Frequency.valueOf(String.valueOf(form.frequency()));
    } catch (IllegalArgumentException e) {
      errors.put(FIELD_FREQUENCY, "Choose a one-time or a monthly gift.");
    }

    String name = strip(form.name());
    if (name == null) {
      errors.put(FIELD_NAME, "Enter your name, for your receipt.");
    } else if (name.length() > MAX_NAME || CONTROL.matcher(name).find()) {
      errors.put(FIELD_NAME, "Enter your name in no more than " + MAX_NAME + " characters.");
    }

    String email = strip(form.email());
    if (email == null) {
      errors.put(FIELD_EMAIL, "Enter your email address, for your receipt.");
    } else if (validEmailOrNull(email) == null) {
      errors.put(FIELD_EMAIL, "Enter an email address like name@example.org.");
    }

    Dedication dedication = Dedication.NONE;
    String dedicatedTo = null;
    String notifyEmail = null;
    try {
      dedication =
          form.dedication() == null || form.dedication().isBlank()
              ? Dedication.NONE
              : Dedication.valueOf(form.dedication());
    } catch (IllegalArgumentException e) {
      errors.put(FIELD_DEDICATION, "Choose no dedication, in honour of, or in memory of.");
    }
    if (dedication != Dedication.NONE) {
      dedicatedTo = strip(form.dedicatedTo());
      if (dedicatedTo == null) {
        errors.put(FIELD_DEDICATED_TO, "Enter the name of the person your gift is dedicated to.");
      } else if (dedicatedTo.length() > MAX_NAME || CONTROL.matcher(dedicatedTo).find()) {
        errors.put(FIELD_DEDICATED_TO, "Enter a name of no more than " + MAX_NAME + " characters.");
      }
      notifyEmail = strip(form.notifyEmail());
      if (notifyEmail != null && validEmailOrNull(notifyEmail) == null) {
        errors.put(
            FIELD_NOTIFY_EMAIL, "Enter an email address like name@example.org, or leave it empty.");
      }
    }

    if (!errors.isEmpty()) {
      throw new DonationRejectedException(errors);
    }
    Money fee = form.coverFee() ? settings.coverFee(amount) : Money.zero(settings.currency());
    return new Accepted(
        campaign.get(),
        amount,
        fee,
        frequency,
        name,
        email.toLowerCase(Locale.ROOT),
        dedication,
        dedicatedTo,
        notifyEmail == null ? null : notifyEmail.toLowerCase(Locale.ROOT),
        form.anonymous(),
        form.newsOptIn());
  }

  private Money amount(
      DonationForm form, Campaign campaign, Locale locale, Map<String, String> errors) {
    String field;
    Money amount;
    if (DonationForm.OTHER_AMOUNT.equals(form.amount())) {
      field = FIELD_OTHER_AMOUNT;
      try {
        amount = Money.parse(form.otherAmount(), settings.currency());
      } catch (InvalidAmountException e) {
        errors.put(field, e.getMessage());
        return null;
      }
    } else {
      field = FIELD_AMOUNT;
      Long chosen =
          campaign.getSuggestedAmounts().stream()
              .filter(a -> String.valueOf(a).equals(form.amount()))
              .findFirst()
              .orElse(null);
      if (chosen == null) {
        errors.put(
            field,
            form.amount() == null || form.amount().isBlank()
                ? "Choose an amount, or choose Other and type one."
                : "Choose one of the amounts shown, or choose Other and type one.");
        return null;
      }
      amount = money(chosen);
    }
    if (amount.compareTo(settings.minimum()) < 0) {
      errors.put(
          field,
          "The smallest gift we can take online is " + settings.minimum().format(locale) + ".");
      return null;
    }
    if (amount.compareTo(settings.maximum()) > 0) {
      errors.put(
          field,
          "The largest gift we can take online is "
              + settings.maximum().format(locale)
              + ". For a larger gift, please write to us.");
      return null;
    }
    return amount;
  }

  @Override
  public Optional<DonationSummary> donation(String reference) {
    if (reference == null || reference.length() > 40) {
      return Optional.empty();
    }
    return em.createNamedQuery("Donation.findByReference", Donation.class)
        .setParameter("reference", reference)
        .getResultStream()
        .findFirst()
        .map(DefaultDonationService::toSummary);
  }

  @Override
  public long refusedAttempts() {
    return limiter.refused();
  }

  private Optional<Donation> findByFormKey(String key) {
    return em.createNamedQuery("Donation.findByFormKey", Donation.class)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  static DonationSummary toSummary(Donation d) {
    var currency = java.util.Currency.getInstance(d.getCurrency());
    Money amount = Money.of(d.getAmountMinor(), currency);
    Money fee = Money.of(d.getFeeMinor(), currency);
    return new DonationSummary(
        d.getReference(),
        d.getCampaign().getName(),
        amount,
        fee,
        amount.plus(fee),
        d.getFrequency(),
        d.getStatus(),
        d.getDedication() == Dedication.NONE
            ? ""
            : d.getDedication().label() + " " + d.getDedicatedTo(),
        d.getStatus() == DonationStatus.PLEDGED ? d.getCampaign().getPledgeInstructions() : "",
        d.getReceiptNumber(),
        d.getCreatedAt().toInstant(java.time.ZoneOffset.UTC));
  }

  static String describe(Donation d) {
    return (d.getFrequency() == Frequency.MONTHLY ? "monthly gift of " : "gift of ")
        + Money.of(d.getAmountMinor(), java.util.Currency.getInstance(d.getCurrency()));
  }

  private static DonationRejectedException rejected(String field, String message) {
    return new DonationRejectedException(Map.of(field, message));
  }

  private static String strip(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String validEmailOrNull(String email) {
    String e = strip(email);
    return e != null && e.length() <= MAX_EMAIL && EMAIL.matcher(e).matches() ? e : null;
  }

  private Money money(long minor) {
    return Money.of(minor, settings.currency());
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(settings.zone()));
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(java.time.ZoneOffset.UTC));
  }
}
