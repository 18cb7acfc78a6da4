package org.aasr.web.config;

import com.sun.management.HotSpotDiagnosticMXBean;
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
 * application is up clears it (in one trial from 187 to 85 MB in use), and the collector hands the
 * emptied part of the heap back ({@code -XX:-ShrinkHeapInSteps}: at once). It runs on the managed
 * scheduler two seconds after start, and pauses the site for a fraction of a second.
 *
 * <p>The run command lets the heap grow in large steps while the site starts ({@code
 * -XX:MinHeapFreeRatio=50 -XX:MaxHeapFreeRatio=80}): deployment's garbage then costs one full
 * collection rather than three or four, about a second of a two-core start (bench/RESULTS.md).
 * Before its collection this sets the ratios for the rest of the run, {@value #MIN_FREE_PERCENT}
 * and {@value #MAX_FREE_PERCENT} % (both may be changed while the JVM runs), so that the heap
 * shrinks to what the site uses; ratios already lower are kept. {@code
 * AASR_RELEASE_STARTUP_MEMORY=false} leaves both out.
 */
@ApplicationScoped
class StartupMemory {

  private static final Logger LOG = Logger.getLogger(StartupMemory.class.getName());

  /** How long after the application is up the collection runs: deployment is over by then. */
  static final int AFTER_START_SECONDS = 2;

  /** The least free share of the heap once started: below it the collector grows the heap. */
  static final int MIN_FREE_PERCENT = 20;

  /** The most free share of the heap once started: above it the collector gives memory back. */
  static final int MAX_FREE_PERCENT = 30;

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
    // The lower bound first: the JVM refuses a minimum above the maximum at every step.
    lower("MinHeapFreeRatio", MIN_FREE_PERCENT);
    lower("MaxHeapFreeRatio", MAX_FREE_PERCENT);
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

  /** Sets the JVM's option {@code name} to {@code percent} unless it is lower already. */
  static void lower(String name, int percent) {
    try {
      HotSpotDiagnosticMXBean vm =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (Integer.parseInt(vm.getVMOption(name).getValue()) > percent) {
        vm.setVMOption(name, Integer.toString(percent));
      }
    } catch (RuntimeException e) {
      // Another JVM, or a value it refuses: the heap then keeps the run command's ratios.
      LOG.warning(() -> "Could not set " + name + " to " + percent + ": " + e);
    }
  }
}
