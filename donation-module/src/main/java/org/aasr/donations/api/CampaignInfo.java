package org.aasr.donations.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A fundraiser as the public pages show it, with its progress from confirmed money only.
 *
 * @param slug its address, as in {@code /fundraisers/{slug}}
 * @param name its name
 * @param description what it is for, plain text
 * @param goal the target, or null when staff have set none (then no progress bar is shown)
 * @param startDate the first day it takes gifts, or null for no start
 * @param endDate the last day it takes gifts, or null for no end
 * @param suggestedAmounts the amounts the form offers, smallest first
 * @param raised confirmed money, refunds taken out
 * @param donors how many different people gave confirmed money
 * @param daysLeft days until the end date inclusive of today, or -1 without an end date
 * @param open whether it takes gifts today
 */
public record CampaignInfo(
    String slug,
    String name,
    String description,
    Money goal,
    LocalDate startDate,
    LocalDate endDate,
    List<Money> suggestedAmounts,
    Money raised,
    long donors,
    long daysLeft,
    boolean open) {

  public CampaignInfo {
    suggestedAmounts = List.copyOf(suggestedAmounts);
  }

  /** Whether a progress bar makes sense: there is a goal and an end date. */
  public boolean showsProgress() {
    return goal != null && goal.isPositive() && endDate != null;
  }

  /** Raised as a whole percentage of the goal, capped at 100 for the bar; 0 without a goal. */
  public int percentOfGoal() {
    if (goal == null || !goal.isPositive()) {
      return 0;
    }
    return (int) Math.min(100, raised.minorUnits() * 100 / goal.minorUnits());
  }
}
