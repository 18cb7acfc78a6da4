package org.aasr.volunteers.api;

import static org.aasr.volunteers.api.VolunteerStatus.ACTIVE;
import static org.aasr.volunteers.api.VolunteerStatus.CONTACTED;
import static org.aasr.volunteers.api.VolunteerStatus.DECLINED;
import static org.aasr.volunteers.api.VolunteerStatus.INACTIVE;
import static org.aasr.volunteers.api.VolunteerStatus.NEW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The status workflow, every pair of statuses: only its steps are allowed. */
class VolunteerStatusTest {

  private static final Map<VolunteerStatus, Set<VolunteerStatus>> ALLOWED =
      Map.of(
          NEW, EnumSet.of(CONTACTED, DECLINED),
          CONTACTED, EnumSet.of(ACTIVE, DECLINED),
          ACTIVE, EnumSet.of(INACTIVE, DECLINED),
          INACTIVE, EnumSet.of(ACTIVE, DECLINED),
          DECLINED, EnumSet.noneOf(VolunteerStatus.class));

  @Test
  void onlyTheWorkflowsStepsAreAllowedAndDeclinedIsFinal() {
    for (VolunteerStatus from : VolunteerStatus.values()) {
      for (VolunteerStatus to : VolunteerStatus.values()) {
        assertEquals(ALLOWED.get(from).contains(to), from.canMoveTo(to), from + " → " + to);
      }
      assertEquals(false, from.canMoveTo(null), from + " → nothing");
      assertEquals(ALLOWED.get(from), from.next(), from.name());
    }
  }

  @Test
  void minutesReadAsHoursAndMinutes() {
    assertEquals("45 min", Durations.describe(45));
    assertEquals("2 h", Durations.describe(120));
    assertEquals("2 h 30 min", Durations.describe(150));
    assertEquals("0 min", Durations.describe(0));
  }
}
