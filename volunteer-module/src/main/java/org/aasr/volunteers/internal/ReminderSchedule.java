package org.aasr.volunteers.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Polls for due shift reminders every {@code aasr.volunteers.reminder-poll-seconds} (default five
 * minutes) while the application runs. The timer is not persistent: what survives a restart is the
 * database's record of what was sent ({@code booking.reminder_sent_at}), which the first poll after
 * a start reads, so nothing is lost while the server was down.
 *
 * <p>Polls of one instance never overlap (a singleton's timeout holds its write lock; a slow poll
 * makes the next one wait); several instances may poll at once, and {@link Reminders} claims each
 * reminder so that only one sends it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.CONTAINER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReminderSchedule {

  private static final Logger LOG = Logger.getLogger(ReminderSchedule.class.getName());

  @Resource TimerService timers;

  @Inject Reminders reminders;

  @Inject
  @ConfigProperty(name = "aasr.volunteers.reminder-poll-seconds", defaultValue = "300")
  int pollSeconds;

  @PostConstruct
  void start() {
    long every = Math.max(1, pollSeconds) * 1000L;
    // The first poll waits one interval, by which time the schema has been migrated.
    timers.createIntervalTimer(every, every, new TimerConfig("volunteer-reminders", false));
  }

  @Timeout
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
