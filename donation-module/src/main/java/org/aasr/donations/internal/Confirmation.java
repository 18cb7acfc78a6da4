package org.aasr.donations.internal;

import jakarta.enterprise.event.Event;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.aasr.donations.api.Dedication;
import org.aasr.donations.api.DonationAction;
import org.aasr.donations.api.DonationChanged;

/**
 * Confirming a donation, the same whoever confirms it (staff for a pledge, Stripe's webhook for a
 * card gift): its receipt number, the audit entry, the receipt email and the dedication notice, in
 * the caller's transaction.
 */
final class Confirmation {

  private Confirmation() {}

  static void confirm(
      Donation d,
      String actor,
      LocalDateTime nowUtc,
      EntityManager em,
      DonationSettings settings,
      Event<DonationChanged> changes,
      Event<MimeMessage> mail) {
    String before = d.getStatus().name().toLowerCase(java.util.Locale.ROOT);
    int year = nowUtc.atOffset(ZoneOffset.UTC).atZoneSameInstant(settings.zone()).getYear();
    d.confirm(ReceiptNumbers.next(em, year), nowUtc);
    em.flush();
    changes.fire(
        new DonationChanged(
            actor,
            DonationAction.DONATION_CONFIRMED,
            d.getReference(),
            before
                + " → confirmed, "
                + DefaultDonationService.describe(d)
                + ", receipt "
                + d.getReceiptNumber()));
    if (d.getDonorEmail() != null) {
      mail.fire(ReceiptMail.receipt(d, settings));
    }
    notifyDedication(d, nowUtc, settings, mail);
  }

  /**
   * Tells the person a gift is dedicated to, once: the row remembers it, and a monthly gift's later
   * months are stored as already told (the first month told them).
   */
  static void notifyDedication(
      Donation d, LocalDateTime nowUtc, DonationSettings settings, Event<MimeMessage> mail) {
    if (d.getDedication() == Dedication.NONE
        || d.getNotifyEmail() == null
        || d.getDedicationNotifiedAt() != null) {
      return;
    }
    d.dedicationNotified(nowUtc);
    mail.fire(ReceiptMail.dedication(d, settings));
  }
}
