package org.aasr.volunteers.api;

import java.util.List;
import java.util.Optional;

/**
 * What visitors do: read the open opportunities and sign up to volunteer. Needs no sign-in.
 *
 * <p>Drafts and closed opportunities are invisible here. A sign-up is recorded in the audit log
 * (actor {@code visitor}, subject the volunteer's number: never their email address).
 */
public interface VolunteerService {

  /** The open opportunities, by title. */
  List<OpportunitySummary> openOpportunities();

  /** An open opportunity with its coming shifts, or empty when no open one has this address. */
  Optional<OpportunityDetail> openOpportunity(String slug);

  /**
   * Signs a visitor up, or updates the volunteer who signed up before with the same email address
   * (whatever its case): never a second volunteer for one address.
   *
   * @throws SignUpRejectedException when any field is not acceptable; nothing is stored then
   */
  SignUpResult signUp(SignUp form);
}
