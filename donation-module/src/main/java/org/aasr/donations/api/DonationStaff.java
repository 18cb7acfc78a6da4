package org.aasr.donations.api;

import java.util.Optional;

/**
 * Who may manage fundraisers and see donors: a port the application that assembles the module
 * provides. The module does not know the staff roles; it asks whether the caller may handle
 * donations, and who they are, for the audit log.
 *
 * <p>Every method of {@link DonationAdmin} asks this first and refuses with a {@link
 * SecurityException} when the answer is empty, whatever page called it.
 */
public interface DonationStaff {

  /**
   * The signed-in staff member who may handle donations now, by the name the audit log records, or
   * empty when nobody is signed in or the one signed in may not.
   */
  Optional<String> currentFundraiser();
}
