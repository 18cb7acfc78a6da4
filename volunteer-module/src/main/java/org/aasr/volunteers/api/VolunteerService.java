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
   * Signs a visitor up and emails them a confirmation link (expiring, single use). An email address
   * already signed up (whatever its case) changes nothing, since anyone can type anyone's address:
   * never a second volunteer, nor new details for the first. Its owner is emailed instead, at most
   * once in 10 minutes: the confirmation link again until they confirm, their private link after.
   *
   * @param siteAddress the site's public address, e.g. {@code https://aasr.example.org}, from which
   *     the link in the email is made
   * @throws SignUpRejectedException when any field is not acceptable; nothing is stored then
   */
  SignUpResult signUp(SignUp form, String siteAddress);

  /**
   * What confirming with this token would do now, without doing it: for the page the email's link
   * opens, which asks the visitor to press a button (a mail scanner that opens links must not
   * confirm anyone).
   */
  Confirmation checkConfirmation(String token);

  /**
   * Confirms a volunteer's address with the token of the link emailed to them: once. A used,
   * replaced, expired or made-up token changes nothing and says which it is. On confirmation, the
   * volunteer is emailed their private link ({@link VolunteerPrivateLink}).
   *
   * @param siteAddress the site's public address, from which the private link is made
   */
  Confirmation confirm(String token, String siteAddress);
}
