package org.aasr.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.aasr.volunteers.api.Interest;
import org.aasr.volunteers.api.Places;
import org.aasr.volunteers.api.VolunteerCoordination;
import org.aasr.volunteers.api.VolunteerFilter;
import org.aasr.volunteers.api.VolunteerRow;
import org.aasr.volunteers.api.VolunteerStatus;
import org.omnifaces.util.Faces;
import org.primefaces.model.LazyDataModel;

/**
 * The volunteers, a page at a time from the database, at {@code /admin/volunteers} (volunteer
 * coordinators), narrowed by the filter in the address ({@code ?status=NEW&interest=EVENTS
 * &place=US-OH&skill=spanish}): a plain GET form sets it, so a filtered list can be bookmarked and
 * works without script. The CSV export has exactly the filtered rows.
 *
 * <p>A value that is not one of the lists' (a hand-made address) is ignored, not an error.
 */
@Named
@ViewScoped
public class VolunteersView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The largest skill text the filter takes. */
  static final int SKILL_MAX = 100;

  @Inject transient VolunteerCoordination coordination;

  private String status;
  private String interest;
  private String place;
  private String skill;

  private LazyDataModel<VolunteerRow> volunteers;

  @PostConstruct
  void init() {
    volunteers =
        new LazyList<>(
            filters -> coordination.countVolunteers(getFilter()),
            (filters, sort, first, max) -> coordination.volunteers(getFilter(), first, max),
            VolunteerRow::id);
  }

  /** The filter the address asks for, each unknown part read as "any". */
  public VolunteerFilter getFilter() {
    VolunteerStatus s =
        Arrays.stream(VolunteerStatus.values())
            .filter(v -> v.name().equals(status))
            .findFirst()
            .orElse(null);
    Interest i =
        Arrays.stream(Interest.values())
            .filter(v -> v.name().equals(interest))
            .findFirst()
            .orElse(null);
    String country = VolunteerChoices.country(place);
    String region = VolunteerChoices.region(place);
    if (country != null && Places.country(country).isEmpty()
        || region != null && !Places.isRegionOf(country, region)) {
      country = null;
      region = null;
    }
    String text = skill == null || skill.isBlank() ? null : skill.strip();
    if (text != null && text.length() > SKILL_MAX) {
      text = text.substring(0, SKILL_MAX);
    }
    return new VolunteerFilter(s, i, country, region, text);
  }

  /** Sends the filtered rows as a CSV file (the export is audited by the module). */
  public void exportCsv() throws IOException {
    byte[] csv = coordination.exportCsv(getFilter()).getBytes(StandardCharsets.UTF_8);
    Faces.sendFile(csv, "volunteers.csv", true);
  }

  public LazyDataModel<VolunteerRow> getVolunteers() {
    return volunteers;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getInterest() {
    return interest;
  }

  public void setInterest(String interest) {
    this.interest = interest;
  }

  public String getPlace() {
    return place;
  }

  public void setPlace(String place) {
    this.place = place;
  }

  public String getSkill() {
    return skill;
  }

  public void setSkill(String skill) {
    this.skill = skill;
  }
}
