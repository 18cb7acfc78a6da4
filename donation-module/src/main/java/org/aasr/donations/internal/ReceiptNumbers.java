package org.aasr.donations.internal;

import jakarta.persistence.EntityManager;

/**
 * Receipt numbers, unique for the organisation within a year: {@code 2026-000001}, {@code
 * 2026-000002}… Taken inside the confirming transaction; the year's row stays locked until it
 * commits, so two confirmations never share a number, and a rolled-back confirmation gives its
 * number back.
 */
final class ReceiptNumbers {

  private ReceiptNumbers() {}

  static String next(EntityManager em, int year) {
    // Row 0 serialises every taker, so the first number of a year is inserted by one only.
    em.createNativeQuery(
            "UPDATE receipt_sequence SET last_number = last_number + 1 WHERE receipt_year = 0")
        .executeUpdate();
    int updated =
        em.createNativeQuery(
                "UPDATE receipt_sequence SET last_number = last_number + 1 WHERE receipt_year = ?")
            .setParameter(1, year)
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery("INSERT INTO receipt_sequence (receipt_year, last_number) VALUES (?, 1)")
          .setParameter(1, year)
          .executeUpdate();
    }
    Number last =
        (Number)
            em.createNativeQuery("SELECT last_number FROM receipt_sequence WHERE receipt_year = ?")
                .setParameter(1, year)
                .getSingleResult();
    return String.format("%d-%06d", year, last.intValue());
  }
}
