package org.aasr.volunteers.api;

import java.util.List;

/**
 * An open opportunity as its page shows it.
 *
 * @param summary what the list shows
 * @param involves what it involves, in plain text (paragraphs separated by blank lines)
 * @param shifts its coming shifts, soonest first
 */
public record OpportunityDetail(
    OpportunitySummary summary, String involves, List<ShiftInfo> shifts) {

  public OpportunityDetail {
    shifts = List.copyOf(shifts);
  }
}
