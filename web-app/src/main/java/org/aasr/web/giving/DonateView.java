package org.aasr.web.giving;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.aasr.donations.api.CampaignInfo;
import org.aasr.donations.api.DonationForm;
import org.aasr.donations.api.DonationLimits;
import org.aasr.donations.api.DonationRejectedException;
import org.aasr.donations.api.DonationService;
import org.aasr.donations.api.DonationStarted;
import org.aasr.donations.api.Money;
import org.aasr.web.client.ClientAddress;
import org.aasr.web.client.PublicFormLimit;
import org.aasr.web.site.ErrorPageView;
import org.aasr.web.site.Routes;
import org.aasr.web.site.cache.VisitorKeys;
import org.omnifaces.util.Faces;

/**
 * The donation form, {@code /donate} (the featured fundraiser) or {@code /donate?campaign={slug}}.
 *
 * <p>A plain HTML form posted back to the same address, read here in a view action, rather than a
 * Faces form: the public views are stateless, the page must work without JavaScript, and the markup
 * (fieldsets, radio groups, errors tied to fields) stays exactly what a screen reader needs. A form
 * carries a fresh key each time it is shown; the donation module makes the same key one donation,
 * so a double click or a reload never gives twice. After a gift the browser is redirected
 * (Post-Redirect-Get) to the payment page or the thank-you page.
 *
 * <p>Cross-site posts are refused by their {@code Origin} header: no other site can make a visitor
 * pledge in their name. Each showing has its own key: the page cache keeps the form with a
 * placeholder and writes a new key into every answer, which no browser or proxy may keep.
 */
@Named
@RequestScoped
public class DonateView {

  @Inject DonationService donations;
  @Inject MoneyFormat format;
  @Inject HttpServletRequest request;

  private String campaignSlug;
  private CampaignInfo campaign;
  private DonationLimits limits;
  private Map<String, String> errors = Map.of();

  // The form's fields, as typed, so that a refused form comes back as the donor left it.
  private String formKey;
  private String amount = "";
  private String otherAmount = "";
  private String frequency = "ONE_TIME";
  private String name = "";
  private String email = "";
  private String dedication = "NONE";
  private String dedicatedTo = "";
  private String notifyEmail = "";
  private boolean anonymous;
  private boolean coverFee;
  private boolean newsOptIn;

  /** Shows the form, or takes a posted one. */
  public void load() {
    NoStore.apply();
    limits = donations.limits();
    Optional<CampaignInfo> found =
        campaignSlug == null || campaignSlug.isEmpty()
            ? donations.featuredCampaign()
            : Routes.isSlug(campaignSlug) ? donations.campaign(campaignSlug) : Optional.empty();
    if (found.isEmpty()) {
      ErrorPageView.sendNotFound();
      return;
    }
    campaign = found.get();
    if ("POST".equals(request.getMethod())) {
      submit();
    } else {
      formKey = VisitorKeys.newKey(request);
    }
  }

  private void submit() {
    formKey = param("formKey");
    amount = param("amount");
    otherAmount = param("otherAmount");
    frequency = param("frequency");
    name = param("name");
    email = param("email");
    dedication = param("dedication");
    dedicatedTo = param("dedicatedTo");
    notifyEmail = param("notifyEmail");
    anonymous = request.getParameter("anonymous") != null;
    coverFee = request.getParameter("coverFee") != null;
    newsOptIn = request.getParameter("newsOptIn") != null;
    if (!fromThisSite()) {
      errors =
          Map.of(
              DonationForm.FIELD_FORM,
              "This form was sent from another site. Please give from this page.");
      formKey = UUID.randomUUID().toString();
      return;
    }
    DonationForm form =
        new DonationForm(
            campaign.slug(),
            formKey,
            amount,
            otherAmount,
            frequency,
            name,
            email,
            dedication,
            dedicatedTo,
            notifyEmail,
            anonymous,
            coverFee,
            newsOptIn,
            param("website"));
    try {
      DonationStarted started =
          donations.donate(
              form, PublicFormLimit.network(ClientAddress.of(request)), format.locale());
      if (started.paymentUrl() != null) {
        // Stripe's address as it is: OmniFaces' redirect would read any % in it as a format.
        FacesContext.getCurrentInstance().getExternalContext().redirect(started.paymentUrl());
        FacesContext.getCurrentInstance().responseComplete();
      } else {
        Faces.redirect("thank-you?ref=" + started.reference());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (DonationRejectedException e) {
      errors = e.errors();
      if (errors.containsKey(DonationForm.FIELD_FORM) && formKey == null) {
        formKey = UUID.randomUUID().toString();
      }
    }
  }

  /**
   * Whether a post came from a page of this site: browsers send {@code Origin} with every form
   * post; a post without it (an old browser, a test client) is taken, one from elsewhere is not.
   */
  private boolean fromThisSite() {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    try {
      String host = request.getHeader("Host");
      return host != null && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private String param(String name) {
    String value = request.getParameter(name);
    // Oversized fields are cut here and refused by the module with a message, not a stack trace.
    return value == null ? "" : value.length() > 1000 ? value.substring(0, 1000) : value;
  }

  /** Whether any field is at fault. */
  public boolean isRefused() {
    return !errors.isEmpty();
  }

  /** The message for a field, or null. */
  public String error(String field) {
    return errors.get(field);
  }

  /** The fields at fault with their messages, in the form's order, for the summary at the top. */
  public List<Map.Entry<String, String>> getErrorList() {
    return List.of(
            DonationForm.FIELD_FORM,
            DonationForm.FIELD_CAMPAIGN,
            DonationForm.FIELD_AMOUNT,
            DonationForm.FIELD_OTHER_AMOUNT,
            DonationForm.FIELD_FREQUENCY,
            DonationForm.FIELD_NAME,
            DonationForm.FIELD_EMAIL,
            DonationForm.FIELD_DEDICATION,
            DonationForm.FIELD_DEDICATED_TO,
            DonationForm.FIELD_NOTIFY_EMAIL)
        .stream()
        .filter(errors::containsKey)
        .map(f -> Map.entry(f, errors.get(f)))
        .toList();
  }

  /**
   * The fee a donor covering it adds, for the amount they chose (or, before they chose, the first
   * suggested one), so that the added amount is known before anything is paid.
   */
  public String getFeeExample() {
    Money gift = chosenAmount().orElse(null);
    if (gift == null) {
      return "";
    }
    return format.of(donations.coverFee(gift)) + " on a gift of " + format.of(gift);
  }

  private Optional<Money> chosenAmount() {
    try {
      if (DonationForm.OTHER_AMOUNT.equals(amount)) {
        return Optional.of(Money.parse(otherAmount, limits.currency()));
      }
      if (amount != null && amount.matches("\\d{1,12}")) {
        return Optional.of(Money.of(Long.parseLong(amount), limits.currency()));
      }
    } catch (IllegalArgumentException e) {
      // Not an amount yet: show the example for a suggested one.
    }
    return campaign.suggestedAmounts().stream().findFirst();
  }

  /** The {@code aria-describedby} of a field: its error when it has one, and its hint if any. */
  public String describedBy(String field, String hint) {
    String ids = (errors.containsKey(field) ? field + "-error " : "") + (hint == null ? "" : hint);
    return ids.isBlank() ? null : ids.strip();
  }

  public String getCampaignSlug() {
    return campaignSlug;
  }

  public void setCampaignSlug(String campaignSlug) {
    this.campaignSlug = campaignSlug;
  }

  public CampaignInfo getCampaign() {
    return campaign;
  }

  public DonationLimits getLimits() {
    return limits;
  }

  /** Whether the page shows a fundraiser other than the featured one (its slug is in the URL). */
  public boolean isOtherCampaign() {
    return campaignSlug != null && !campaignSlug.isEmpty();
  }

  public String getFormKey() {
    return formKey;
  }

  public String getAmount() {
    return amount;
  }

  public String getOtherAmount() {
    return otherAmount;
  }

  public String getFrequency() {
    return frequency;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public String getDedication() {
    return dedication;
  }

  public String getDedicatedTo() {
    return dedicatedTo;
  }

  public String getNotifyEmail() {
    return notifyEmail;
  }

  public boolean isAnonymous() {
    return anonymous;
  }

  public boolean isCoverFee() {
    return coverFee;
  }

  public boolean isNewsOptIn() {
    return newsOptIn;
  }

  /** For the {@code checked} attribute of a radio button or a box. */
  public String checked(boolean on) {
    return on ? "checked" : null;
  }

  /** The suggested amounts' minor units as the radio buttons send them. */
  public String minor(Money amount) {
    return String.valueOf(amount.minorUnits());
  }

  /** Current request is a POST that was refused; for the page title. */
  public boolean isPosted() {
    return FacesContext.getCurrentInstance() != null && "POST".equals(request.getMethod());
  }
}
