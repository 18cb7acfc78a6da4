package org.aasr.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.aasr.volunteers.api.MonthTotal;
import org.aasr.volunteers.api.OpportunityListItem;
import org.aasr.volunteers.api.VolunteerCoordination;

/**
 * Every volunteering opportunity, drafts and closed ones included, at {@code /admin/opportunities}
 * (volunteer coordinators). A short list: an organisation has a handful, so it is not paged.
 */
@Named
@RequestScoped
public class OpportunitiesView {

  @Inject VolunteerCoordination coordination;

  private List<OpportunityListItem> all;
  private List<MonthTotal> months;

  public List<OpportunityListItem> getAll() {
    if (all == null) {
      all = coordination.opportunities();
    }
    return all;
  }

  /** Everyone's hours over the last twelve months, newest first. */
  public List<MonthTotal> getHoursByMonth() {
    if (months == null) {
      months = coordination.hoursByMonth(12);
    }
    return months;
  }
}
