package org.aasr.content.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** {@link AfterCommit} on the container's JTA transaction. */
@ApplicationScoped
class JtaAfterCommit implements AfterCommit {

  @Resource TransactionSynchronizationRegistry transactions;

  @Override
  public void run(Runnable action) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              action.run();
            }
          }
        });
  }
}
