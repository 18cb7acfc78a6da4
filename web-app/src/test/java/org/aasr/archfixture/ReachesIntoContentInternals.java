package org.aasr.archfixture;

import org.aasr.content.internal.FixtureInternalType;

/**
 * A deliberate breach of the module rules, kept in the tests only to prove that {@code
 * ModuleBoundariesTest} catches one.
 */
public class ReachesIntoContentInternals {

  public Object breach() {
    return new FixtureInternalType();
  }
}
