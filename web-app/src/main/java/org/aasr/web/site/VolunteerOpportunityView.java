package org.aasr.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.aasr.volunteers.api.OpportunityDetail;
import org.aasr.volunteers.api.ShiftInfo;
import org.aasr.volunteers.api.VolunteerService;

/**
 * One open opportunity, at {@code /volunteer/{slug}}, with its coming shifts. A draft, a closed
 * opportunity and an unknown address all answer 404, so that nobody learns of drafts.
 */
@Named
@RequestScoped
public class VolunteerOpportunityView {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
  private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

  @Inject VolunteerService volunteers;

  private String slug;
  private OpportunityDetail opportunity;

  /** Loads the opportunity the URL names, or answers 404. */
  public void load() {
    opportunity = Routes.isSlug(slug) ? volunteers.openOpportunity(slug).orElse(null) : null;
    if (opportunity == null) {
      ErrorPageView.sendNotFound();
    }
  }

  /** The shift's day in its own time zone, e.g. "Saturday, December 12, 2026". */
  public String day(ShiftInfo shift) {
    return DAY.format(shift.localStart());
  }

  /**
   * The shift's hours in its own time zone, with the zone, e.g. "10:00 AM to 1:00 PM EST (America
   * /New_York)": a volunteer in another zone must never guess.
   */
  public String hours(ShiftInfo shift) {
    ZonedDateTime start = shift.localStart();
    ZonedDateTime end = shift.localEnd();
    String endText =
        end.toLocalDate().equals(start.toLocalDate())
            ? TIME.format(end)
            : DAY.format(end) + ", " + TIME.format(end);
    return TIME.format(start)
        + " to "
        + endText
        + " "
        + ZONE.format(start)
        + " ("
        + shift.timeZone().getId().replace('_', ' ')
        + ")";
  }

  /** "3 places left", "1 place left" or "Full". */
  public String placesLeft(ShiftInfo shift) {
    int left = shift.placesLeft();
    return left == 0 ? "Full" : left == 1 ? "1 place left" : left + " places left";
  }

  /** The paragraphs of what it involves (separated by blank lines in the text). */
  public List<String> getParagraphs() {
    return List.of(opportunity.involves().strip().split("\\R\\s*\\R"));
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public OpportunityDetail getOpportunity() {
    return opportunity;
  }
}
