package org.aasr.archfixture.cycle.first;

import org.aasr.archfixture.cycle.second.Second;

/** Half of a package cycle, for the test that proves the cycle rule catches one. */
public class First {
  Second second;
}
