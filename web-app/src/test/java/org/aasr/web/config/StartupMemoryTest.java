package org.aasr.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The heap's free ratios, which the run command sets high for the start and the site lowers once it
 * is up, on this test's own JVM (both options may change while a JVM runs).
 */
class StartupMemoryTest {

  private final HotSpotDiagnosticMXBean vm =
      ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
  private String min;
  private String max;

  @BeforeEach
  void startAsTheRunCommandDoes() {
    min = option("MinHeapFreeRatio");
    max = option("MaxHeapFreeRatio");
    vm.setVMOption("MaxHeapFreeRatio", "80");
    vm.setVMOption("MinHeapFreeRatio", "50");
  }

  @AfterEach
  void restore() {
    vm.setVMOption("MinHeapFreeRatio", "0");
    vm.setVMOption("MaxHeapFreeRatio", max);
    vm.setVMOption("MinHeapFreeRatio", min);
  }

  private String option(String name) {
    return vm.getVMOption(name).getValue();
  }

  @Test
  void lowersBothRatiosInAnOrderTheJvmTakes() {
    // The minimum first: a maximum of 30 below a minimum of 50 would be refused.
    StartupMemory.lower("MinHeapFreeRatio", StartupMemory.MIN_FREE_PERCENT);
    StartupMemory.lower("MaxHeapFreeRatio", StartupMemory.MAX_FREE_PERCENT);

    assertEquals("20", option("MinHeapFreeRatio"));
    assertEquals("30", option("MaxHeapFreeRatio"));
  }

  @Test
  void keepsARatioThatIsLowerAlready() {
    vm.setVMOption("MinHeapFreeRatio", "10");

    StartupMemory.lower("MinHeapFreeRatio", StartupMemory.MIN_FREE_PERCENT);

    assertEquals("10", option("MinHeapFreeRatio"));
  }

  @Test
  void aRefusedValueLeavesTheRatioAsItWas() {
    // Below the minimum of 50: the JVM refuses it, and the site goes on with the run command's.
    StartupMemory.lower("MaxHeapFreeRatio", 30);

    assertEquals("80", option("MaxHeapFreeRatio"));
  }
}
