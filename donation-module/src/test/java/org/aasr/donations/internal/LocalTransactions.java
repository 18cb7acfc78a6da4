package org.aasr.donations.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.util.function.Supplier;

/** {@link Transactions} outside the container: a resource-local transaction on one manager. */
final class LocalTransactions implements Transactions {

  private final EntityManager em;

  LocalTransactions(EntityManager em) {
    this.em = em;
  }

  @Override
  public <T> T required(Supplier<T> work) {
    EntityTransaction tx = em.getTransaction();
    if (tx.isActive()) {
      return work.get();
    }
    tx.begin();
    try {
      T result = work.get();
      tx.commit();
      return result;
    } catch (RuntimeException e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      em.clear();
      throw e;
    }
  }
}
