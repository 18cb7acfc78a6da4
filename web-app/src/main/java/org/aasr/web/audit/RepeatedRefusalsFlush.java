package org.aasr.web.audit;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Writes the counts of repeated refusals once their window has passed (see {@link
 * RepeatedRefusals}).
 */
@Singleton
public class RepeatedRefusalsFlush {

  @Inject RepeatedRefusals refusals;

  @Schedule(hour = "*", minute = "*", second = "30", persistent = false)
  void everyMinute() {
    refusals.flush();
  }
}
