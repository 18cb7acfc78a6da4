package org.aasr.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aasr.volunteers.api.BookingOutcome;
import org.aasr.volunteers.api.CoordinationRejectedException;
import org.aasr.volunteers.api.HoursForm;
import org.aasr.volunteers.api.LivedExperience;
import org.aasr.volunteers.api.OpportunityListItem;
import org.aasr.volunteers.api.ShiftNeed;
import org.aasr.volunteers.api.VolunteerCoordination;
import org.aasr.volunteers.api.VolunteerDetail;
import org.aasr.volunteers.api.VolunteerPrivacy;
import org.aasr.volunteers.api.VolunteerStatus;
import org.aasr.web.site.ErrorPageView;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * One volunteer, at {@code /admin/volunteer?id=N} (volunteer coordinators): their details, the
 * status workflow with a note each time (the history is kept), their shifts and assigning them to
 * one, and their hours with totals per month.
 *
 * <p>Someone who has not confirmed their email address is shown as unconfirmed: the page offers no
 * assignment (the module would refuse it and send nothing) and only "declined" as a status.
 */
@Named
@ViewScoped
public class VolunteerAdminView implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> HOURS_FIELDS =
      Map.of("workedOn", "worked-on", "minutes", "hours", "opportunity", "opportunity");

  @Inject transient VolunteerCoordination coordination;
  @Inject transient VolunteerPrivacy privacy;

  private Long id;
  private VolunteerDetail volunteer;

  private String newStatus;
  private String note;

  private String shift;

  private String workedOn;
  private String hours;
  private String minutes;
  private String opportunity;

  private transient List<ShiftNeed> coming;
  private transient List<OpportunityListItem> opportunities;

  /** Loads the volunteer named by {@code ?id=}; anyone else is not found. */
  public void load() {
    volunteer = id == null ? null : coordination.volunteer(id).orElse(null);
    if (volunteer == null) {
      ErrorPageView.sendNotFound();
    }
  }

  /**
   * Sends everything held about the volunteer as a JSON file (their right of access, exercised for
   * them by a coordinator; audited by the module).
   */
  public void exportData() throws IOException {
    String json;
    try {
      json = privacy.exportJson(id);
    } catch (IllegalArgumentException e) {
      Messages.addGlobalError(
          "This volunteer's data was erased meanwhile: there is nothing to send.");
      return;
    }
    Faces.sendFile(json.getBytes(StandardCharsets.UTF_8), "volunteer-" + id + "-data.json", true);
  }

  /**
   * Erases the volunteer's personal data (their right to be forgotten, asked of the organisation):
   * the row stays, anonymous, with the hours logged for them.
   */
  public void erase() throws IOException {
    try {
      privacy.erase(id);
    } catch (IllegalArgumentException e) {
      // Already gone: erasing again would change nothing.
    }
    Messages.addFlashGlobalInfo(
        "Volunteer {0}'s personal data was erased; their hours stay in the totals, anonymous.", id);
    Faces.redirect("admin/volunteers");
  }

  public void changeStatus() throws IOException {
    VolunteerStatus to =
        Arrays.stream(VolunteerStatus.values())
            .filter(s -> s.name().equals(newStatus))
            .findFirst()
            .orElse(null);
    try {
      coordination.changeStatus(id, to, note);
      Messages.addFlashGlobalInfo("Status changed to {0}; your note is kept.", to.label());
      redirect();
    } catch (CoordinationRejectedException e) {
      CoordinationMessages.show(e, "status-form", Map.of("status", "new-status"));
    }
  }

  public void assign() throws IOException {
    long shiftId;
    try {
      shiftId = Long.parseLong(shift == null ? "" : shift);
    } catch (NumberFormatException e) {
      Messages.addError("assign-form:shift", "Choose a shift from the list.");
      return;
    }
    BookingOutcome outcome = coordination.assign(id, shiftId);
    switch (outcome) {
      case BOOKED -> Messages.addFlashGlobalInfo("Assigned to the shift; they were emailed.");
      case WAITLISTED ->
          Messages.addFlashGlobalInfo("The shift is full: they are on its waitlist.");
      case ALREADY_BOOKED, ALREADY_WAITING -> {
        Messages.addError("assign-form:shift", "They already have this shift (or wait for it).");
        return;
      }
      case NOT_BOOKABLE -> {
        Messages.addError(
            "assign-form:shift", "This shift can no longer be booked: it started or was closed.");
        return;
      }
      case NOT_CONFIRMED -> {
        Messages.addError(
            "assign-form:shift",
            "They have not confirmed their email address: they cannot be assigned nor contacted.");
        return;
      }
      case DECLINED -> {
        Messages.addError(
            "assign-form:shift", "Their offer to volunteer was declined: they take no shift.");
        return;
      }
    }
    redirect();
  }

  /** Cancels their place on a shift (or takes them off its waitlist). */
  public void unassign(long shiftId) throws IOException {
    if (coordination.unassign(id, shiftId)) {
      Messages.addFlashGlobalInfo(
          "Their place is cancelled; the first person waiting, if any, got it and was emailed.");
    } else {
      Messages.addFlashGlobalInfo("They no longer had this shift.");
    }
    redirect();
  }

  public void logHours() throws IOException {
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate day = null;
    try {
      day = workedOn == null || workedOn.isBlank() ? null : LocalDate.parse(workedOn.strip());
      if (day == null) {
        errors.put("workedOn", "Enter the day they worked.");
      }
    } catch (DateTimeParseException e) {
      errors.put("workedOn", "Enter the day as a date, such as 2026-11-28.");
    }
    int total = 0;
    String h = hours == null ? "" : hours.strip();
    String m = minutes == null ? "" : minutes.strip();
    if (!h.matches("[0-9]{0,2}") || !m.matches("[0-9]{0,4}") || h.isEmpty() && m.isEmpty()) {
      errors.put("minutes", "Enter the time as whole hours and minutes, such as 2 and 30.");
    } else {
      total =
          (h.isEmpty() ? 0 : Integer.parseInt(h)) * 60 + (m.isEmpty() ? 0 : Integer.parseInt(m));
    }
    Long opportunityId = null;
    if (opportunity != null && !opportunity.isBlank()) {
      try {
        opportunityId = Long.valueOf(opportunity);
      } catch (NumberFormatException e) {
        errors.put("opportunity", "Choose an opportunity from the list, or none.");
      }
    }
    try {
      if (!errors.isEmpty()) {
        throw new CoordinationRejectedException(errors);
      }
      coordination.logHours(id, new HoursForm(day, total, opportunityId));
      Messages.addFlashGlobalInfo("Hours logged.");
      redirect();
    } catch (CoordinationRejectedException e) {
      CoordinationMessages.show(e, "hours-form", HOURS_FIELDS);
    }
  }

  private void redirect() throws IOException {
    Faces.redirect("admin/volunteer?id=" + id);
  }

  /** The statuses the workflow lets this volunteer move to. */
  public List<VolunteerStatus> getNextStatuses() {
    if (volunteer == null) {
      return List.of();
    }
    return volunteer.row().status().next().stream()
        .filter(s -> volunteer.row().confirmed() || s == VolunteerStatus.DECLINED)
        .toList();
  }

  /** Coming shifts of open opportunities, to assign the volunteer to. */
  public List<ShiftNeed> getComingShifts() {
    if (coming == null) {
      coming = coordination.comingShifts();
    }
    return coming;
  }

  public List<OpportunityListItem> getOpportunities() {
    if (opportunities == null) {
      opportunities = coordination.opportunities();
    }
    return opportunities;
  }

  /** Their lived experience as the console shows it. */
  public String getExperience() {
    return String.join(
        ", ",
        Arrays.stream(LivedExperience.values())
            .filter(volunteer.experience()::contains)
            .map(LivedExperience::label)
            .toList());
  }

  public VolunteerDetail getVolunteer() {
    return volunteer;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getNewStatus() {
    return newStatus;
  }

  public void setNewStatus(String newStatus) {
    this.newStatus = newStatus;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public String getShift() {
    return shift;
  }

  public void setShift(String shift) {
    this.shift = shift;
  }

  public String getWorkedOn() {
    return workedOn;
  }

  public void setWorkedOn(String workedOn) {
    this.workedOn = workedOn;
  }

  public String getHours() {
    return hours;
  }

  public void setHours(String hours) {
    this.hours = hours;
  }

  public String getMinutes() {
    return minutes;
  }

  public void setMinutes(String minutes) {
    this.minutes = minutes;
  }

  public String getOpportunity() {
    return opportunity;
  }

  public void setOpportunity(String opportunity) {
    this.opportunity = opportunity;
  }
}
