package org.aasr.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.aasr.volunteers.api.OpportunitySummary;
import org.aasr.volunteers.api.VolunteerService;

/** The volunteering page, {@code /volunteer}: why volunteer, and the open opportunities. */
@Named
@RequestScoped
public class VolunteerView {

  @Inject VolunteerService volunteers;

  private List<OpportunitySummary> opportunities;

  /** The open opportunities, by title; read once per request. */
  public List<OpportunitySummary> getOpportunities() {
    if (opportunities == null) {
      opportunities = volunteers.openOpportunities();
    }
    return opportunities;
  }
}
