package org.aasr.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import org.aasr.donations.api.CampaignForm;
import org.aasr.donations.api.DonationAdmin;
import org.aasr.donations.api.DonationRejectedException;
import org.aasr.donations.api.MonthTotal;
import org.aasr.web.site.ErrorPageView;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Creating a fundraiser at {@code /admin/campaign}, or editing one at {@code
 * /admin/campaign?slug=…}, with its confirmed money month by month (a table, and a bar chart drawn
 * from the same figures).
 *
 * <p>The fields are checked twice: Bean Validation here, so that a mistake is shown next to its
 * field before the module is asked, and the module's own rules (amounts, dates, a free address),
 * whose messages go next to the same fields. Input is kept on error; a saved form redirects.
 */
@Named
@ViewScoped
public class CampaignEditView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The chart's drawing height, in SVG units. */
  static final int CHART_HEIGHT = 160;

  @Inject transient DonationAdmin donations;

  private boolean isNew = true;
  private int version;
  private boolean featured;
  private transient List<MonthTotal> months;

  @Size(max = 120, message = "An address has at most 120 characters.")
  @Pattern(
      regexp = "|[a-z0-9]+(-[a-z0-9]+)*",
      message = "Use lower-case letters, digits and single hyphens, e.g. spring-appeal.")
  private String slug;

  @NotBlank(message = "Give the fundraiser a name.")
  @Size(max = 200, message = "A name has at most 200 characters.")
  private String name;

  @NotBlank(message = "Say what it is for.")
  @Size(max = 4000, message = "A description has at most 4000 characters.")
  private String description;

  @Size(max = 30, message = "That goal is too large.")
  private String goal;

  private String startDate;
  private String endDate;

  @NotBlank(message = "Give at least one suggested amount.")
  @Size(max = 200, message = "Give at most six amounts.")
  private String suggestedAmounts;

  @NotBlank(message = "Tell donors how to send a pledged gift.")
  @Size(max = 4000, message = "Instructions have at most 4000 characters.")
  private String pledgeInstructions;

  @NotBlank(message = "Give the receipt's acknowledgement wording.")
  @Size(max = 4000, message = "The receipt text has at most 4000 characters.")
  private String receiptText;

  /** Loads the fundraiser named by {@code ?slug=}, or starts a new one. */
  public void load() {
    if (slug == null || slug.isBlank()) {
      slug = null;
      suggestedAmounts = "25, 50, 100, 250";
      return;
    }
    CampaignForm form = donations.campaignForm(slug).orElse(null);
    if (form == null) {
      ErrorPageView.sendNotFound();
      return;
    }
    isNew = false;
    version = form.version();
    name = form.name();
    description = form.description();
    goal = form.goal();
    startDate = form.startDate();
    endDate = form.endDate();
    suggestedAmounts = form.suggestedAmounts();
    pledgeInstructions = form.pledgeInstructions();
    receiptText = form.receiptText();
    featured = form.featured();
  }

  public void save() {
    try {
      CampaignForm saved =
          donations.saveCampaign(
              new CampaignForm(
                  isNew,
                  version,
                  slug,
                  name,
                  description,
                  goal,
                  startDate,
                  endDate,
                  suggestedAmounts,
                  pledgeInstructions,
                  receiptText,
                  featured));
      Messages.addFlashGlobalInfo("Fundraiser \"{0}\" saved.", saved.name());
      Faces.redirect("admin/campaigns");
    } catch (DonationRejectedException e) {
      e.errors().forEach((field, message) -> Messages.addError("campaign-form:" + field, message));
      Messages.addGlobalError("Nothing was saved: please correct the fields marked below.");
    } catch (IllegalStateException | IllegalArgumentException e) {
      Messages.addGlobalError(e.getMessage());
    }
  }

  /** The fundraiser's confirmed money month by month; empty for a new one. */
  public List<MonthTotal> getMonths() {
    if (months == null) {
      months = isNew || slug == null ? List.of() : donations.monthlyTotals(slug);
    }
    return months;
  }

  /** A bar's height in the chart: the running total at the month's end against the largest. */
  public long barHeight(MonthTotal month) {
    long largest = getMonths().stream().mapToLong(m -> m.cumulative().minorUnits()).max().orElse(0);
    return largest == 0 ? 0 : month.cumulative().minorUnits() * CHART_HEIGHT / largest;
  }

  public int getChartHeight() {
    return CHART_HEIGHT;
  }

  public boolean isNew() {
    return isNew;
  }

  public boolean isFeatured() {
    return featured;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getGoal() {
    return goal;
  }

  public void setGoal(String goal) {
    this.goal = goal;
  }

  public String getStartDate() {
    return startDate;
  }

  public void setStartDate(String startDate) {
    this.startDate = startDate;
  }

  public String getEndDate() {
    return endDate;
  }

  public void setEndDate(String endDate) {
    this.endDate = endDate;
  }

  public String getSuggestedAmounts() {
    return suggestedAmounts;
  }

  public void setSuggestedAmounts(String suggestedAmounts) {
    this.suggestedAmounts = suggestedAmounts;
  }

  public String getPledgeInstructions() {
    return pledgeInstructions;
  }

  public void setPledgeInstructions(String pledgeInstructions) {
    this.pledgeInstructions = pledgeInstructions;
  }

  public String getReceiptText() {
    return receiptText;
  }

  public void setReceiptText(String receiptText) {
    this.receiptText = receiptText;
  }
}
