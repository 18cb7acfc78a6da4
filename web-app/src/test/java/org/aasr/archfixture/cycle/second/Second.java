package org.aasr.archfixture.cycle.second;

import org.aasr.archfixture.cycle.first.First;

/** The other half of a package cycle, for the test that proves the cycle rule catches one. */
public class Second {
  First first;
}
