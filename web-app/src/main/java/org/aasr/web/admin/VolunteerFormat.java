package org.aasr.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.aasr.volunteers.api.ShiftInfo;

/**
 * Shifts as the coordinator's pages show them: in the shift's own time zone, named, e.g. "Sat, Dec
 * 12, 2026, 10:00 AM to 1:00 PM EST", so that a coordinator in another zone reads the time the
 * volunteers will see.
 */
@Named
@ApplicationScoped
public class VolunteerFormat {

  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("EEE, MMM d, yyyy, h:mm a", Locale.US);
  private static final DateTimeFormatter TIME_ZONE =
      DateTimeFormatter.ofPattern("h:mm a zzz", Locale.US);

  /** The shift's start and end in its own zone. */
  public String when(ShiftInfo shift) {
    return DAY_TIME.format(shift.localStart()) + " to " + TIME_ZONE.format(shift.localEnd());
  }
}
