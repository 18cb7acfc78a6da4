package org.aasr.web.audit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the counts of repeated refusals once their window has passed (see {@link
 * RepeatedRefusals}), once a minute, on the platform's managed scheduler (EJB timers would need
 * Payara's data grid, which the site does not start).
 */
@ApplicationScoped
class RepeatedRefusalsFlush {

  private static final Logger LOG = Logger.getLogger(RepeatedRefusalsFlush.class.getName());

  @Inject RepeatedRefusals refusals;

  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    task = scheduler.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  private void flush() {
    try {
      refusals.flush();
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not write the counts of repeated refusals; retrying in a minute",
          e);
    }
  }
}
