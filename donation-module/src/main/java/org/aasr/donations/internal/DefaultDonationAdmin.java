package org.aasr.donations.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.aasr.donations.api.CampaignForm;
import org.aasr.donations.api.CampaignRow;
import org.aasr.donations.api.Dedication;
import org.aasr.donations.api.DonationAction;
import org.aasr.donations.api.DonationAdmin;
import org.aasr.donations.api.DonationChanged;
import org.aasr.donations.api.DonationFilter;
import org.aasr.donations.api.DonationRejectedException;
import org.aasr.donations.api.DonationRow;
import org.aasr.donations.api.DonationStaff;
import org.aasr.donations.api.DonationStatus;
import org.aasr.donations.api.DonationSummary;
import org.aasr.donations.api.Frequency;
import org.aasr.donations.api.GiftsToday;
import org.aasr.donations.api.InvalidAmountException;
import org.aasr.donations.api.Money;
import org.aasr.donations.api.MonthTotal;
import org.aasr.donations.api.OfflineGift;
import org.aasr.donations.api.OfflineMethod;

/**
 * What staff do with fundraisers and donations; every method checks the caller first.
 *
 * <p>Filters and paging run in the database (a JPQL query built from the filter's set parts, with
 * parameters, never concatenated input). Monthly totals are summed here from one query of a
 * fundraiser's confirmed gifts: a month in the organisation's time zone has no portable SQL form on
 * Derby and PostgreSQL, and a fundraiser's gifts number thousands, not millions.
 */
@ApplicationScoped
class DefaultDonationAdmin implements DonationAdmin {

  @PersistenceContext(unitName = "donations")
  EntityManager em;

  @Inject DonationStaff staff;
  @Inject DonationSettings settings;
  @Inject RefusalLog refusals;
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

  // Fundraisers.

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final int MAX_SUGGESTED = 6;

  @Override
  public List<CampaignRow> campaigns() {
    requireStaff();
    LocalDate today = today();
    return em.createNamedQuery("Campaign.findAll", Campaign.class)
        .getResultStream()
        .map(
            c -> {
              Object[] t = totals(c);
              return new CampaignRow(
                  c.getSlug(),
                  c.getName(),
                  c.getGoalMinor() == null ? null : money(c.getGoalMinor()),
                  money(((Number) t[0]).longValue()),
                  ((Number) t[1]).longValue(),
                  c.getStartDate(),
                  c.getEndDate(),
                  c.isOpenOn(today),
                  c.isFeatured());
            })
        .toList();
  }

  private Object[] totals(Campaign c) {
    Object[] t =
        em.createQuery(
                "SELECT SUM(d.amountMinor), COUNT(d) FROM Donation d WHERE d.campaign = :c"
                    + " AND d.status = :status",
                Object[].class)
            .setParameter("c", c)
            .setParameter("status", DonationStatus.CONFIRMED)
            .getSingleResult();
    return new Object[] {t[0] == null ? 0L : t[0], t[1] == null ? 0L : t[1]};
  }

  @Override
  public Optional<CampaignForm> campaignForm(String slug) {
    requireStaff();
    return findCampaign(slug)
        .map(
            c ->
                new CampaignForm(
                    false,
                    c.getVersion(),
                    c.getSlug(),
                    c.getName(),
                    c.getDescription(),
                    c.getGoalMinor() == null ? "" : money(c.getGoalMinor()).plain(),
                    c.getStartDate() == null ? "" : c.getStartDate().toString(),
                    c.getEndDate() == null ? "" : c.getEndDate().toString(),
                    String.join(
                        ", ", c.getSuggestedAmounts().stream().map(a -> money(a).plain()).toList()),
                    c.getPledgeInstructions(),
                    c.getReceiptText(),
                    c.isFeatured()));
  }

  private Optional<Campaign> findCampaign(String slug) {
    if (slug == null || slug.isBlank() || slug.length() > 120) {
      return Optional.empty();
    }
    return em.createNamedQuery("Campaign.findBySlug", Campaign.class)
        .setParameter("slug", slug.strip())
        .getResultStream()
        .findFirst();
  }

  /** The values of a campaign form once every field has passed. */
  private record CheckedCampaign(
      String slug,
      String name,
      String description,
      Long goal,
      LocalDate start,
      LocalDate end,
      List<Long> amounts,
      String instructions,
      String receipt) {}

  private CheckedCampaign check(CampaignForm f) {
    Map<String, String> errors = new LinkedHashMap<>();
    String name =
        required(errors, CampaignForm.FIELD_NAME, f.name(), 200, "Give the fundraiser a name.");
    String slug = blankToNull(f.slug());
    if (f.isNew() && slug == null && name != null) {
      slug = slugOf(name);
    }
    if (slug == null || slug.length() > 120 || !SLUG.matcher(slug).matches()) {
      errors.put(
          CampaignForm.FIELD_SLUG,
          "Use lower-case letters, digits and single hyphens (at most 120), e.g. spring-appeal.");
    }
    String description =
        required(
            errors, CampaignForm.FIELD_DESCRIPTION, f.description(), 4000, "Say what it is for.");
    Long goal = null;
    if (blankToNull(f.goal()) != null) {
      try {
        goal = Money.parse(f.goal(), settings.currency()).minorUnits();
      } catch (InvalidAmountException e) {
        errors.put(CampaignForm.FIELD_GOAL, e.getMessage());
      }
    }
    LocalDate start = date(errors, CampaignForm.FIELD_START, f.startDate());
    LocalDate end = date(errors, CampaignForm.FIELD_END, f.endDate());
    if (start != null && end != null && end.isBefore(start)) {
      errors.put(CampaignForm.FIELD_END, "The last day cannot be before the first.");
    }
    List<Long> amounts = new ArrayList<>();
    String typed = blankToNull(f.suggestedAmounts());
    if (typed == null) {
      errors.put(CampaignForm.FIELD_AMOUNTS, "Give at least one suggested amount.");
    } else {
      String[] parts = typed.split("[,;]");
      if (parts.length > MAX_SUGGESTED) {
        errors.put(CampaignForm.FIELD_AMOUNTS, "Give at most " + MAX_SUGGESTED + " amounts.");
      }
      for (String part : parts) {
        try {
          Money m = Money.parse(part, settings.currency());
          if (m.compareTo(settings.minimum()) < 0 || m.compareTo(settings.maximum()) > 0) {
            errors.put(
                CampaignForm.FIELD_AMOUNTS,
                "Each amount must be from "
                    + settings.minimum().format(Locale.US)
                    + " to "
                    + settings.maximum().format(Locale.US)
                    + ".");
          } else if (!amounts.contains(m.minorUnits())) {
            amounts.add(m.minorUnits());
          }
        } catch (InvalidAmountException e) {
          errors.put(
              CampaignForm.FIELD_AMOUNTS,
              "Separate amounts with commas, e.g. 25, 50, 100. " + e.getMessage());
        }
      }
    }
    String instructions =
        required(
            errors,
            CampaignForm.FIELD_INSTRUCTIONS,
            f.pledgeInstructions(),
            4000,
            "Tell donors how to send a pledged gift.");
    String receipt =
        required(
            errors,
            CampaignForm.FIELD_RECEIPT,
            f.receiptText(),
            4000,
            "Give the receipt's acknowledgement wording.");
    if (!errors.isEmpty()) {
      throw new DonationRejectedException(errors);
    }
    return new CheckedCampaign(
        slug, name, description, goal, start, end, amounts, instructions, receipt);
  }

  @Override
  public CampaignForm saveCampaign(CampaignForm form) {
    String actor = requireStaff();
    CheckedCampaign ok = check(form);
    LocalDateTime now = now();
    String saved;
    try {
      saved = store(form, ok, actor, now);
    } catch (DonationRejectedException | IllegalStateException | IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      // Two people creating one address at the same moment: the unique key kept the first.
      em.clear();
      if (form.isNew() && findCampaign(ok.slug()).isPresent()) {
        throw new DonationRejectedException(
            Map.of(CampaignForm.FIELD_SLUG, "Another fundraiser has this address."));
      }
      throw e;
    }
    em.clear();
    return campaignForm(saved).orElseThrow();
  }

  private String store(CampaignForm form, CheckedCampaign ok, String actor, LocalDateTime now) {
    return transactions.required(
        () -> {
          Campaign c;
          String before;
          if (form.isNew()) {
            if (findCampaign(ok.slug()).isPresent()) {
              throw new DonationRejectedException(
                  Map.of(CampaignForm.FIELD_SLUG, "Another fundraiser has this address."));
            }
            c = new Campaign(ok.slug(), now);
            before = null;
          } else {
            c =
                findCampaign(form.slug())
                    .orElseThrow(
                        () -> new IllegalArgumentException("There is no such fundraiser."));
            em.lock(c, LockModeType.PESSIMISTIC_WRITE);
            if (c.getVersion() != form.version()) {
              throw new IllegalStateException(
                  "Someone else changed this fundraiser since you opened it. Reload it and"
                      + " make your change again.");
            }
            before = describe(c);
          }
          c.update(
              ok.name(),
              ok.description(),
              ok.goal(),
              ok.start(),
              ok.end(),
              ok.amounts(),
              ok.instructions(),
              ok.receipt(),
              now);
          if (before == null) {
            em.persist(c);
          }
          em.flush();
          changes.fire(
              new DonationChanged(
                  actor,
                  before == null
                      ? DonationAction.CAMPAIGN_CREATED
                      : DonationAction.CAMPAIGN_UPDATED,
                  c.getSlug(),
                  before == null ? describe(c) : before + " → " + describe(c)));
          return c.getSlug();
        });
  }

  private String describe(Campaign c) {
    return "\""
        + c.getName()
        + "\", goal "
        + (c.getGoalMinor() == null ? "none" : money(c.getGoalMinor()).plain())
        + ", "
        + (c.getStartDate() == null ? "no start" : c.getStartDate())
        + " to "
        + (c.getEndDate() == null ? "no end" : c.getEndDate());
  }

  @Override
  public void closeCampaign(String slug) {
    String actor = requireStaff();
    LocalDate yesterday = today().minusDays(1);
    transactions.required(
        () -> {
          Campaign c = lockedCampaign(slug);
          LocalDate before = c.getEndDate();
          if (before != null && before.isBefore(today())) {
            return null; // closed already
          }
          c.setEndDate(yesterday);
          if (c.getStartDate() != null && c.getStartDate().isAfter(yesterday)) {
            c.setStartDate(yesterday);
          }
          c.setFeatured(c.isFeatured(), now());
          em.flush();
          changes.fire(
              new DonationChanged(
                  actor,
                  DonationAction.CAMPAIGN_CLOSED,
                  c.getSlug(),
                  "last day " + (before == null ? "none" : before) + " → " + yesterday));
          return null;
        });
  }

  @Override
  public void featureCampaign(String slug) {
    String actor = requireStaff();
    transactions.required(
        () -> {
          Campaign c = lockedCampaign(slug);
          List<Campaign> others =
              em.createQuery(
                      "SELECT c FROM Campaign c WHERE c.featured = TRUE AND c.id <> :id",
                      Campaign.class)
                  .setParameter("id", c.getId())
                  .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                  .getResultList();
          for (Campaign other : others) {
            other.setFeatured(false, now());
          }
          c.setFeatured(true, now());
          em.flush();
          changes.fire(
              new DonationChanged(
                  actor,
                  DonationAction.CAMPAIGN_FEATURED,
                  c.getSlug(),
                  "featured on the home page instead of "
                      + (others.isEmpty()
                          ? "none"
                          : String.join(", ", others.stream().map(Campaign::getSlug).toList()))));
          return null;
        });
  }

  private Campaign lockedCampaign(String slug) {
    Campaign c =
        findCampaign(slug)
            .orElseThrow(() -> new IllegalArgumentException("There is no such fundraiser."));
    em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
    return c;
  }

  // Donations.

  @Override
  public long countDonations(DonationFilter filter) {
    requireStaff();
    return filtered(filter, true, Long.class).getSingleResult();
  }

  @Override
  public List<DonationRow> donations(DonationFilter filter, int first, int max) {
    requireStaff();
    return filtered(filter, false, Donation.class)
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.max(1, Math.min(max, 1000)))
        .getResultStream()
        .map(this::toRow)
        .toList();
  }

  /** Every donation of a filter, for the CSV export, in pages so the heap holds one at a time. */
  private <T> TypedQuery<T> filtered(DonationFilter f, boolean count, Class<T> type) {
    StringBuilder jpql =
        new StringBuilder(
            count
                ? "SELECT COUNT(d) FROM Donation d"
                : "SELECT d FROM Donation d JOIN FETCH d.campaign");
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    DonationFilter filter = f == null ? DonationFilter.all() : f;
    if (filter.status() != null) {
      where.add("d.status = :status");
      params.put("status", filter.status());
    }
    if (filter.from() != null) {
      where.add("d.createdAt >= :from");
      params.put("from", startOfDayUtc(filter.from()));
    }
    if (filter.to() != null) {
      where.add("d.createdAt < :to");
      params.put("to", startOfDayUtc(filter.to().plusDays(1)));
    }
    if (filter.campaignSlug() != null && !filter.campaignSlug().isBlank()) {
      where.add("d.campaign.slug = :slug");
      params.put("slug", filter.campaignSlug());
    }
    if (filter.minMinor() != null) {
      where.add("d.amountMinor >= :min");
      params.put("min", filter.minMinor());
    }
    if (filter.maxMinor() != null) {
      where.add("d.amountMinor <= :max");
      params.put("max", filter.maxMinor());
    }
    if (filter.frequency() != null) {
      where.add("d.frequency = :frequency");
      params.put("frequency", filter.frequency());
    }
    if (!where.isEmpty()) {
      jpql.append(" WHERE ").append(String.join(" AND ", where));
    }
    if (!count) {
      jpql.append(" ORDER BY d.createdAt DESC, d.id DESC");
    }
    TypedQuery<T> q = em.createQuery(jpql.toString(), type);
    params.forEach(q::setParameter);
    return q;
  }

  @Override
  public Optional<DonationRow> donationRow(String reference) {
    requireStaff();
    return findDonation(reference).map(this::toRow);
  }

  private Optional<Donation> findDonation(String reference) {
    if (reference == null || reference.isBlank() || reference.length() > 40) {
      return Optional.empty();
    }
    return em.createNamedQuery("Donation.findByReference", Donation.class)
        .setParameter("reference", reference)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<DonationRow> donorHistory(String email) {
    requireStaff();
    if (email == null || email.isBlank() || email.length() > 254) {
      return List.of();
    }
    return em.createQuery(
            "SELECT d FROM Donation d JOIN FETCH d.campaign WHERE d.donorEmail = :email"
                + " ORDER BY d.createdAt DESC, d.id DESC",
            Donation.class)
        .setParameter("email", email.strip().toLowerCase(Locale.ROOT))
        .setMaxResults(500)
        .getResultStream()
        .map(this::toRow)
        .toList();
  }

  @Override
  public DonationRow recordOfflineGift(OfflineGift gift) {
    String actor = requireStaff();
    Map<String, String> errors = new LinkedHashMap<>();
    Campaign campaign = findCampaign(gift.campaignSlug()).orElse(null);
    if (campaign == null) {
      errors.put(OfflineGift.FIELD_CAMPAIGN, "Choose a fundraiser.");
    }
    Money amount = null;
    try {
      amount = Money.parse(gift.amount(), settings.currency());
    } catch (InvalidAmountException e) {
      errors.put(OfflineGift.FIELD_AMOUNT, e.getMessage());
    }
    if (gift.method() == null) {
      errors.put(OfflineGift.FIELD_METHOD, "Say how the gift came.");
    }
    String name =
        required(errors, OfflineGift.FIELD_NAME, gift.donorName(), 200, "Give the donor's name.");
    String email = blankToNull(gift.donorEmail());
    if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      errors.put(OfflineGift.FIELD_EMAIL, "Enter an email address like name@example.org, or none.");
    }
    LocalDate received = today();
    if (blankToNull(gift.receivedOn()) != null) {
      received = date(errors, OfflineGift.FIELD_RECEIVED, gift.receivedOn());
      if (received != null && received.isAfter(today())) {
        errors.put(OfflineGift.FIELD_RECEIVED, "The day it arrived cannot be in the future.");
      }
    }
    if (!errors.isEmpty()) {
      throw new DonationRejectedException(errors);
    }
    Money checkedAmount = amount;
    LocalDate day = received;
    String reference =
        transactions.required(
            () -> {
              // Noon on the day it arrived, in the organisation's zone: the receipt's date and
              // year.
              LocalDateTime at =
                  LocalDateTime.ofInstant(
                      day.atTime(12, 0).atZone(settings.zone()).toInstant(), ZoneOffset.UTC);
              Donation d =
                  new Donation(
                      UUID.randomUUID().toString(),
                      "offline-" + UUID.randomUUID(),
                      em.find(Campaign.class, campaign.getId()),
                      checkedAmount.minorUnits(),
                      0,
                      settings.currency().getCurrencyCode(),
                      Frequency.ONE_TIME,
                      DonationStatus.PLEDGED,
                      OFFLINE,
                      at);
              d.setDonor(name, email == null ? null : email.toLowerCase(Locale.ROOT), false, false);
              d.setGatewayReference(gift.method().name());
              em.persist(d);
              em.flush();
              changes.fire(
                  new DonationChanged(
                      actor,
                      DonationAction.OFFLINE_GIFT_RECORDED,
                      d.getReference(),
                      DefaultDonationService.describe(d)
                          + " by "
                          + gift.method().label().toLowerCase(Locale.ROOT)
                          + " to "
                          + campaign.getSlug()
                          + ", received "
                          + day));
              Confirmation.confirm(d, actor, at, em, settings, changes, mail);
              return d.getReference();
            });
    em.clear();
    return donationRow(reference).orElseThrow();
  }

  static final String OFFLINE = "offline";

  @Override
  public void resendReceipt(String reference) {
    String actor = requireStaff();
    transactions.required(
        () -> {
          Donation d =
              findDonation(reference)
                  .orElseThrow(() -> new IllegalArgumentException("There is no such donation."));
          if (d.getStatus() != DonationStatus.CONFIRMED || d.getReceiptNumber() == null) {
            throw new IllegalStateException("Only a confirmed donation has a receipt to send.");
          }
          if (d.getDonorEmail() == null) {
            throw new IllegalStateException("This donation has no email address to send it to.");
          }
          changes.fire(
              new DonationChanged(
                  actor,
                  DonationAction.RECEIPT_RESENT,
                  d.getReference(),
                  "receipt " + d.getReceiptNumber() + " sent again"));
          mail.fire(ReceiptMail.receipt(d, settings));
          return null;
        });
  }

  @Override
  public List<MonthTotal> monthlyTotals(String slug) {
    requireStaff();
    List<Object[]> gifts =
        em.createQuery(
                "SELECT d.confirmedAt, d.amountMinor FROM Donation d WHERE d.campaign.slug = :slug"
                    + " AND d.status = :status AND d.confirmedAt IS NOT NULL"
                    + " ORDER BY d.confirmedAt",
                Object[].class)
            .setParameter("slug", slug)
            .setParameter("status", DonationStatus.CONFIRMED)
            .getResultList();
    if (gifts.isEmpty()) {
      return List.of();
    }
    Map<YearMonth, long[]> byMonth = new LinkedHashMap<>();
    for (Object[] g : gifts) {
      YearMonth month = YearMonth.from(inZone((LocalDateTime) g[0]));
      long[] sum = byMonth.computeIfAbsent(month, m -> new long[2]);
      sum[0]++;
      sum[1] = Math.addExact(sum[1], ((Number) g[1]).longValue());
    }
    List<MonthTotal> months = new ArrayList<>();
    YearMonth first = byMonth.keySet().iterator().next();
    YearMonth last = YearMonth.from(inZone((LocalDateTime) gifts.get(gifts.size() - 1)[0]));
    long cumulative = 0;
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      long[] sum = byMonth.getOrDefault(m, new long[2]);
      cumulative = Math.addExact(cumulative, sum[1]);
      months.add(new MonthTotal(m, sum[0], money(sum[1]), money(cumulative)));
    }
    return months;
  }

  @Override
  public GiftsToday todaysFigures() {
    requireStaff();
    LocalDate today = today();
    Object[] t =
        em.createQuery(
                "SELECT COUNT(d), SUM(d.amountMinor) FROM Donation d WHERE d.status = :status"
                    + " AND d.confirmedAt >= :from AND d.confirmedAt < :to",
                Object[].class)
            .setParameter("status", DonationStatus.CONFIRMED)
            .setParameter("from", startOfDayUtc(today))
            .setParameter("to", startOfDayUtc(today.plusDays(1)))
            .getSingleResult();
    return new GiftsToday(
        t[0] == null ? 0 : ((Number) t[0]).longValue(),
        money(t[1] == null ? 0 : ((Number) t[1]).longValue()),
        pledgesWaiting(),
        refusals.on(today));
  }

  private DonationRow toRow(Donation d) {
    Currency currency = Currency.getInstance(d.getCurrency());
    return new DonationRow(
        d.getReference(),
        d.getCreatedAt().toInstant(ZoneOffset.UTC),
        d.getCampaign().getSlug(),
        d.getCampaign().getName(),
        d.getDonorName(),
        d.getDonorEmail(),
        d.isAnonymous(),
        Money.of(d.getAmountMinor(), currency),
        Money.of(d.getFeeMinor(), currency),
        d.getFrequency(),
        d.getStatus(),
        method(d),
        d.getDedication() == Dedication.NONE
            ? ""
            : d.getDedication().label() + " " + d.getDedicatedTo(),
        d.getReceiptNumber(),
        d.getConfirmedAt() == null ? null : d.getConfirmedAt().toInstant(ZoneOffset.UTC),
        d.getCancelledAt() == null ? null : d.getCancelledAt().toInstant(ZoneOffset.UTC));
  }

  private static String method(Donation d) {
    if (OFFLINE.equals(d.getGateway())) {
      try {
        return OfflineMethod.valueOf(d.getGatewayReference()).label();
      } catch (RuntimeException e) {
        return "Offline";
      }
    }
    return "stripe".equals(d.getGateway()) ? "Card (Stripe)" : "Pledge";
  }

  private static String required(
      Map<String, String> errors, String field, String value, int max, String missing) {
    String v = blankToNull(value);
    if (v == null) {
      errors.put(field, missing);
      return null;
    }
    if (v.length() > max) {
      errors.put(field, "Use at most " + max + " characters.");
      return null;
    }
    return v;
  }

  private static LocalDate date(Map<String, String> errors, String field, String value) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      errors.put(field, "Enter a date as year-month-day, e.g. 2026-12-31.");
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** An address made from a name: "Spring Appeal 2027!" becomes spring-appeal-2027. */
  static String slugOf(String name) {
    String s =
        java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    return s.length() > 120 ? s.substring(0, 120).replaceAll("-+$", "") : s;
  }

  private Money money(long minor) {
    return Money.of(minor, settings.currency());
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(settings.zone()));
  }

  private LocalDateTime startOfDayUtc(LocalDate day) {
    return LocalDateTime.ofInstant(day.atStartOfDay(settings.zone()).toInstant(), ZoneOffset.UTC);
  }

  private LocalDateTime inZone(LocalDateTime utc) {
    return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(settings.zone()).toLocalDateTime();
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
