package org.aasr.web.admin;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.aasr.donations.api.CampaignRow;
import org.aasr.donations.api.DonationAdmin;
import org.aasr.donations.api.DonationFilter;
import org.aasr.donations.api.DonationRow;
import org.aasr.donations.api.DonationService;
import org.aasr.donations.api.DonationStatus;
import org.aasr.donations.api.Frequency;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.LazyDataModel;

/**
 * The donations at {@code /admin/donations}: a lazy table paged by the database, filtered by the
 * address's parameters (status, dates, fundraiser, amounts, monthly or one-time), so that a
 * filtered list can be bookmarked, linked from the dashboard and exported as CSV with the same
 * filter. The filter form posts, is checked, and redirects to the filtered address.
 */
@Named
@ViewScoped
public class DonationsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient DonationAdmin donations;
  @Inject transient DonationService service;

  private String status;
  private String from;
  private String to;
  private String campaign;
  private String min;
  private String max;
  private String frequency;

  private DonationQuery query;
  private LazyDataModel<DonationRow> rows;
  private transient List<CampaignRow> campaigns;

  /** Reads the filter from the address; a part that does not parse is shown with its message. */
  public void load() {
    query = read();
    query.errors().forEach((field, message) -> Messages.addError("filter-form:" + field, message));
    DonationFilter filter = query.filter();
    rows =
        new LazyList<>(
            filters -> donations.countDonations(filter),
            (filters, sort, first, max) -> donations.donations(filter, first, max),
            DonationRow::reference);
  }

  private DonationQuery read() {
    Map<String, String> typed =
        new java.util.HashMap<>(
            Map.of(
                DonationQuery.STATUS, nz(status),
                DonationQuery.FROM, nz(from),
                DonationQuery.TO, nz(to),
                DonationQuery.CAMPAIGN, nz(campaign),
                DonationQuery.MIN, nz(min),
                DonationQuery.MAX, nz(max),
                DonationQuery.FREQUENCY, nz(frequency)));
    return DonationQuery.of(typed::get, service.limits().currency());
  }

  /** The filter form's button: the filtered address when every field parses, else messages. */
  public void apply() {
    DonationQuery q = read();
    if (!q.errors().isEmpty()) {
      q.errors().forEach((field, message) -> Messages.addError("filter-form:" + field, message));
      FacesContext.getCurrentInstance().validationFailed();
      return;
    }
    String qs = q.queryString();
    Faces.redirect("admin/donations" + (qs.isEmpty() ? "" : "?" + qs));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  public LazyDataModel<DonationRow> getRows() {
    return rows;
  }

  /** The export's address with this filter. */
  public String getExportQuery() {
    return query == null ? "" : query.queryString();
  }

  public List<CampaignRow> getCampaigns() {
    if (campaigns == null) {
      campaigns = donations.campaigns();
    }
    return campaigns;
  }

  public DonationStatus[] getStatuses() {
    return DonationStatus.values();
  }

  public Frequency[] getFrequencies() {
    return Frequency.values();
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getCampaign() {
    return campaign;
  }

  public void setCampaign(String campaign) {
    this.campaign = campaign;
  }

  public String getMin() {
    return min;
  }

  public void setMin(String min) {
    this.min = min;
  }

  public String getMax() {
    return max;
  }

  public void setMax(String max) {
    this.max = max;
  }

  public String getFrequency() {
    return frequency;
  }

  public void setFrequency(String frequency) {
    this.frequency = frequency;
  }
}
