package org.aasr.volunteers.internal;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Polls for due shift reminders every {@code aasr.volunteers.reminder-poll-seconds} (default five
 * minutes) while the application runs. The schedule is not persistent: what survives a restart is
 * the database's record of what was sent ({@code booking.reminder_sent_at}), which the first poll
 * after a start reads, so nothing is lost while the server was down.
 *
 * <p>It runs on the platform's managed scheduler rather than an EJB timer: EJB timers need Payara's
 * data grid, which the site does not start. Polls of one instance never overlap (the next one
 * starts an interval after the last one ended); several instances may poll at once, and {@link
 * Reminders} claims each reminder so that only one sends it.
 */
@ApplicationScoped
class ReminderSchedule {

  private static final Logger LOG = Logger.getLogger(ReminderSchedule.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject Reminders reminders;

  @Inject
  @ConfigProperty(name = "aasr.volunteers.reminder-poll-seconds", defaultValue = "300")
  int pollSeconds;

  private ScheduledFuture<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    long every = Math.max(1, pollSeconds);
    // The first poll waits one interval, by which time the schema has been migrated.
    task = scheduler.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  void poll() {
    try {
      int sent = 0;
      for (long booking : reminders.due()) {
        if (reminders.send(booking)) {
          sent++;
        }
      }
      if (sent > 0) {
        int count = sent;
        LOG.info(() -> "Shift reminders queued: " + count);
      }
    } catch (RuntimeException e) {
      // The database may not be ready yet, or one message failed: the next poll tries again.
      LOG.log(Level.WARNING, "Shift reminders: this poll failed; the next one tries again", e);
    }
  }
}
