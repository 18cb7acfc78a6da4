package org.aasr.donations.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/** {@link Transactions} in the container: the work joins or starts a JTA transaction. */
@ApplicationScoped
class JtaTransactions implements Transactions {

  @Override
  @Transactional
  public <T> T required(Supplier<T> work) {
    return work.get();
  }
}
