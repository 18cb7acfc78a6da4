package org.aasr.volunteers.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a volunteer is in the coordinator's pipeline: new, contacted, active, then inactive; or
 * declined at any point.
 *
 * <p>The workflow ({@link #next()}): NEW → CONTACTED → ACTIVE → INACTIVE, an inactive volunteer may
 * become active again, and anyone not yet declined may be declined. Declined is final: a declined
 * person who comes back and signs up again with the same address shows in the audit log ("signed up
 * again"), and the coordinator takes it from there; the form changes nothing itself. Nothing skips
 * a step, so that the notes tell how each volunteer got where they are.
 */
public enum VolunteerStatus {
  NEW("New"),
  CONTACTED("Contacted"),
  ACTIVE("Active"),
  INACTIVE("Inactive"),
  DECLINED("Declined");

  private final String label;

  VolunteerStatus(String label) {
    this.label = label;
  }

  /** The status as the console shows it. */
  public String label() {
    return label;
  }

  /** The statuses a volunteer in this one may be moved to, in the order the console offers them. */
  public Set<VolunteerStatus> next() {
    return switch (this) {
      case NEW -> EnumSet.of(CONTACTED, DECLINED);
      case CONTACTED -> EnumSet.of(ACTIVE, DECLINED);
      case ACTIVE -> EnumSet.of(INACTIVE, DECLINED);
      case INACTIVE -> EnumSet.of(ACTIVE, DECLINED);
      case DECLINED -> EnumSet.noneOf(VolunteerStatus.class);
    };
  }

  /** Whether the workflow lets a volunteer move from this status to that one. */
  public boolean canMoveTo(VolunteerStatus to) {
    return to != null && next().contains(to);
  }
}
