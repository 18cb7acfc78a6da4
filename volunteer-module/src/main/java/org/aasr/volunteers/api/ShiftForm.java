package org.aasr.volunteers.api;

import java.time.LocalDateTime;

/**
 * A shift as the console adds or changes it: its times are read in its own time zone.
 *
 * @param start when it starts, in {@code timeZone}
 * @param end when it ends, in {@code timeZone} (after the start)
 * @param timeZone the zone of where it happens, e.g. {@code America/Toronto}
 * @param capacity how many people it needs (1 to {@link #MAX_CAPACITY}); never fewer than the
 *     places already taken
 */
public record ShiftForm(LocalDateTime start, LocalDateTime end, String timeZone, int capacity) {

  /** The most places one shift may have. */
  public static final int MAX_CAPACITY = 1000;
}
