package org.aasr.donations.internal;

import java.util.function.Supplier;

/**
 * Runs work in a transaction: JTA in the container ({@link JtaTransactions}), a resource-local one
 * in the unit tests. The services keep their rules in one place and the tests run them on a real
 * database without a container.
 */
interface Transactions {

  /** Runs the work in the caller's transaction, or a new one; a runtime exception rolls it back. */
  <T> T required(Supplier<T> work);
}
