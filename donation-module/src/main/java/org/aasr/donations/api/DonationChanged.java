package org.aasr.donations.api;

import java.util.Objects;

/**
 * Fired, inside the transaction, whenever a donation or a fundraiser changes. The console's audit
 * log observes it synchronously, so a change and its audit entry commit or roll back together.
 *
 * <p>No personal data: a donor's change has the actor {@code visitor} and the donation's reference
 * as subject, never the donor's name or email address.
 *
 * @param actor a staff member's name, {@code visitor} or {@code stripe}
 * @param action what was done
 * @param subjectId the donation's reference or the fundraiser's address
 * @param summary what changed, before and after, in a sentence
 */
public record DonationChanged(
    String actor, DonationAction action, String subjectId, String summary) {

  public DonationChanged {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
  }
}
