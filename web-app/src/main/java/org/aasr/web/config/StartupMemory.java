package org.aasr.web.config;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives back to the operating system the memory that starting the site used, once it has started.
 *
 * <p>Deploying the application (reading every class, building Faces' and the persistence units'
 * models, migrating the database) leaves about a hundred megabytes of garbage in the heap's old
 * generation, which the collector would only clear once the heap filled, which may be never: the
 * site then kept that memory resident for as long as it ran. One full collection once the
 * application is up clears it (in one trial from 187 to 85 MB in use), and with the run command's
 * {@code -XX:MaxHeapFreeRatio} the collector hands the emptied part of the heap back ({@code
 * -XX:-ShrinkHeapInSteps}: at once). It runs on the managed scheduler two seconds after start, and
 * pauses the site for a fraction of a second. {@code AASR_RELEASE_STARTUP_MEMORY=false} leaves it
 * out.
 */
@ApplicationScoped
class StartupMemory {

  private static final Logger LOG = Logger.getLogger(StartupMemory.class.getName());

  /** How long after the application is up the collection runs: deployment is over by then. */
  static final int AFTER_START_SECONDS = 2;

  @Inject
  @ConfigProperty(name = "aasr.release-startup-memory", defaultValue = "true")
  boolean release;

  @Resource ManagedScheduledExecutorService scheduler;

  void started(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (release) {
      // Payara lets go of what deployment built (the scanned classes' model, the descriptors)
      // only once deployment is over, a moment after this event.
      scheduler.schedule(StartupMemory::collect, AFTER_START_SECONDS, TimeUnit.SECONDS);
    }
  }

  @SuppressWarnings("java:S1215") // the one deliberate collection; see the class comment
  private static void collect() {
    MemoryUsage before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    System.gc();
    MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    LOG.info(
        () ->
            String.format(
                "Start-up memory released: heap %d MB used of %d MB before, %d MB of %d MB after",
                before.getUsed() >> 20,
                before.getCommitted() >> 20,
                after.getUsed() >> 20,
                after.getCommitted() >> 20));
  }
}
