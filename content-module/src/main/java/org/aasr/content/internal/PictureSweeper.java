package org.aasr.content.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Once a day, deletes the stored pictures no story uses: ones uploaded with a save that was then
 * refused, or left in a form nobody saved. A picture gets {@link #GRACE} before it counts as
 * abandoned. (Pictures a story stops using, because it was deleted or got another picture, are
 * deleted as soon as that change is saved.)
 */
@ApplicationScoped
class PictureSweeper {

  static final Duration GRACE = Duration.ofDays(1);

  private static final Logger LOG = Logger.getLogger(PictureSweeper.class.getName());

  @PersistenceContext(unitName = "content")
  EntityManager em;

  @Inject ImageStore images;

  @Resource ManagedScheduledExecutorService scheduler;

  /**
   * This bean through its container proxy, so that the scheduled sweep runs in its transaction
   * (outside one, the container's non-transactional persistence context is closed as the task ends,
   * which Payara's managed scheduler mishandles on the next run).
   */
  @Inject PictureSweeper self;

  private ScheduledFuture<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    task = scheduler.scheduleWithFixedDelay(self::sweep, 15, 24 * 60, TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  @Transactional
  void sweep() {
    try {
      Set<String> inUse =
          new HashSet<>(
              em.createQuery(
                      "SELECT s.imageFile FROM Story s WHERE s.imageFile IS NOT NULL", String.class)
                  .getResultList());
      int deleted = images.deleteUnused(inUse, Instant.now().minus(GRACE));
      if (deleted > 0) {
        LOG.info(() -> "Deleted " + deleted + " uploaded pictures that no story uses.");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not clear unused pictures; will try again tomorrow.", e);
    }
  }
}
