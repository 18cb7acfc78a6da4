package org.aasr.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aasr.volunteers.api.CoordinationRejectedException;
import org.aasr.volunteers.api.OpportunityForm;
import org.aasr.volunteers.api.OpportunityStatus;
import org.aasr.volunteers.api.PlaceKind;
import org.aasr.volunteers.api.ShiftForm;
import org.aasr.volunteers.api.ShiftInfo;
import org.aasr.volunteers.api.VolunteerCoordination;
import org.aasr.web.site.ErrorPageView;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * One opportunity and its shifts, at {@code /admin/opportunity} (new) or {@code
 * /admin/opportunity?id=N} (volunteer coordinators); {@code &shift=M} opens that shift in the shift
 * form.
 *
 * <p>A shift's times are typed in its own time zone (the browser's date and time field, which needs
 * no script); the module stores them in UTC. Every successful post redirects back here with a flash
 * message; a refused one shows each message next to its field and keeps what was typed.
 */
@Named
@ViewScoped
public class OpportunityEditView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The form of an HTML {@code datetime-local} field's value. */
  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private static final Map<String, String> FIELDS =
      Map.of(
          "placeKind", "place-kind",
          "country", "place",
          "region", "place",
          "timeAsked", "time-asked");

  private static final Map<String, String> SHIFT_FIELDS =
      Map.of(
          "start", "shift-start",
          "end", "shift-end",
          "timeZone", "shift-zone",
          "capacity", "shift-capacity");

  @Inject transient VolunteerCoordination coordination;

  private Long id;
  private int version;
  private OpportunityStatus status;
  private String title;
  private String slug;
  private String summary;
  private String involves;
  private String placeKind;
  private String place;
  private String timeAsked;

  private Long shiftId;
  private String shiftStart;
  private String shiftEnd;
  private String shiftZone = "America/New_York";
  private String shiftCapacity;

  private transient List<ShiftInfo> shifts;

  /** Loads the opportunity named by {@code ?id=} (and the shift of {@code &shift=}). */
  public void load() {
    if (id == null) {
      return;
    }
    OpportunityForm form = coordination.opportunity(id).orElse(null);
    if (form == null) {
      ErrorPageView.sendNotFound();
      return;
    }
    fill(form);
    if (shiftId != null) {
      ShiftInfo shift =
          getShifts().stream().filter(s -> s.id() == shiftId).findFirst().orElse(null);
      if (shift == null) {
        ErrorPageView.sendNotFound();
        return;
      }
      shiftStart = shift.localStart().toLocalDateTime().format(LOCAL);
      shiftEnd = shift.localEnd().toLocalDateTime().format(LOCAL);
      shiftZone = shift.timeZone().getId();
      shiftCapacity = String.valueOf(shift.capacity());
    }
  }

  private void fill(OpportunityForm form) {
    version = form.version();
    status = form.status();
    title = form.title();
    slug = form.slug();
    summary = form.summary();
    involves = form.involves();
    placeKind = form.placeKind() == null ? null : form.placeKind().name();
    place = VolunteerChoices.place(form.country(), form.region());
    timeAsked = form.timeAsked();
  }

  public void save() throws IOException {
    PlaceKind kind = null;
    try {
      kind = placeKind == null || placeKind.isEmpty() ? null : PlaceKind.valueOf(placeKind);
    } catch (IllegalArgumentException e) {
      kind = null;
    }
    try {
      OpportunityForm saved =
          coordination.saveOpportunity(
              new OpportunityForm(
                  id,
                  version,
                  title,
                  slug,
                  summary,
                  involves,
                  kind,
                  VolunteerChoices.country(place),
                  VolunteerChoices.region(place),
                  timeAsked,
                  status));
      Messages.addFlashGlobalInfo(
          id == null ? "Opportunity created as a draft." : "Opportunity saved.");
      Faces.redirect("admin/opportunity?id=" + saved.id());
    } catch (CoordinationRejectedException e) {
      CoordinationMessages.show(e, "opportunity-form", FIELDS);
    }
  }

  public void publish() throws IOException {
    changeStatus(true);
  }

  public void close() throws IOException {
    changeStatus(false);
  }

  private void changeStatus(boolean open) throws IOException {
    try {
      if (open) {
        coordination.publish(id);
        Messages.addFlashGlobalInfo("Opportunity published: visitors can see it and sign up.");
      } else {
        coordination.close(id);
        Messages.addFlashGlobalInfo("Opportunity closed: visitors no longer see it.");
      }
      Faces.redirect("admin/opportunity?id=" + id);
    } catch (CoordinationRejectedException e) {
      CoordinationMessages.show(e, "opportunity-form", FIELDS);
    }
  }

  public void saveShift() throws IOException {
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDateTime start = parse(shiftStart, "start", "when the shift starts", errors);
    LocalDateTime end = parse(shiftEnd, "end", "when the shift ends", errors);
    int capacity = 0;
    String places = shiftCapacity == null ? "" : shiftCapacity.strip();
    if (places.isEmpty() || !places.matches("[0-9]{1,4}")) {
      errors.put("capacity", "Enter how many people the shift needs, as a number such as 4.");
    } else {
      capacity = Integer.parseInt(places);
    }
    if (!errors.isEmpty()) {
      CoordinationMessages.show(
          new CoordinationRejectedException(errors), "shift-form", SHIFT_FIELDS);
      return;
    }
    try {
      ShiftForm form = new ShiftForm(start, end, shiftZone, capacity);
      if (shiftId == null) {
        coordination.addShift(id, form);
        Messages.addFlashGlobalInfo("Shift added.");
      } else {
        coordination.changeShift(shiftId, form);
        Messages.addFlashGlobalInfo("Shift saved.");
      }
      Faces.redirect("admin/opportunity?id=" + id);
    } catch (CoordinationRejectedException e) {
      CoordinationMessages.show(e, "shift-form", SHIFT_FIELDS);
    }
  }

  private static LocalDateTime parse(
      String value, String field, String what, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      errors.put(field, "Enter " + what + ".");
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.put(field, "Enter " + what + " as a date and time, such as 2026-12-12T10:00.");
      return null;
    }
  }

  public void removeShift(long shift) throws IOException {
    try {
      coordination.removeShift(shift);
      Messages.addFlashGlobalInfo("Shift removed.");
      Faces.redirect("admin/opportunity?id=" + id);
    } catch (CoordinationRejectedException e) {
      CoordinationMessages.show(e, "shifts-form", Map.of());
    }
  }

  /** The opportunity's shifts, past ones included, read once per view. */
  public List<ShiftInfo> getShifts() {
    if (shifts == null) {
      shifts = id == null ? List.of() : coordination.shifts(id);
    }
    return shifts;
  }

  public boolean isNew() {
    return id == null;
  }

  public boolean isEditingShift() {
    return shiftId != null;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public OpportunityStatus getStatus() {
    return status;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public String getInvolves() {
    return involves;
  }

  public void setInvolves(String involves) {
    this.involves = involves;
  }

  public String getPlaceKind() {
    return placeKind;
  }

  public void setPlaceKind(String placeKind) {
    this.placeKind = placeKind;
  }

  public String getPlace() {
    return place;
  }

  public void setPlace(String place) {
    this.place = place;
  }

  public String getTimeAsked() {
    return timeAsked;
  }

  public void setTimeAsked(String timeAsked) {
    this.timeAsked = timeAsked;
  }

  public Long getShiftId() {
    return shiftId;
  }

  public void setShiftId(Long shiftId) {
    this.shiftId = shiftId;
  }

  public String getShiftStart() {
    return shiftStart;
  }

  public void setShiftStart(String shiftStart) {
    this.shiftStart = shiftStart;
  }

  public String getShiftEnd() {
    return shiftEnd;
  }

  public void setShiftEnd(String shiftEnd) {
    this.shiftEnd = shiftEnd;
  }

  public String getShiftZone() {
    return shiftZone;
  }

  public void setShiftZone(String shiftZone) {
    this.shiftZone = shiftZone;
  }

  public String getShiftCapacity() {
    return shiftCapacity;
  }

  public void setShiftCapacity(String shiftCapacity) {
    this.shiftCapacity = shiftCapacity;
  }
}
