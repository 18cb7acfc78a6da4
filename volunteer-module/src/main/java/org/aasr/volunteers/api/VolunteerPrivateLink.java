package org.aasr.volunteers.api;

/**
 * What a confirmed volunteer does through the private link emailed to them: no account, no
 * password, the link's long random token is the key (only its SHA-256 is stored). Every method
 * takes that token; a revoked or made-up token, or one whose volunteer was erased, changes nothing
 * and throws {@link PrivateLinkClosedException}.
 *
 * <p>Every change is audited ({@link VolunteerChanged}, actor {@code visitor}) with the volunteer's
 * number, never their email address.
 */
public interface VolunteerPrivateLink {

  /** Where a link stands, without changing anything. */
  LinkStatus status(String token);

  /**
   * The volunteer's details and shifts.
   *
   * @throws PrivateLinkClosedException when the link does not work
   */
  VolunteerSelf open(String token);

  /**
   * Books a place on a shift of an open opportunity, or a place on its waitlist when it is full.
   *
   * @throws PrivateLinkClosedException when the link does not work
   */
  BookingOutcome book(String token, long shiftId);

  /**
   * Cancels the volunteer's place on a shift (the first waiting person gets it, and an email) or
   * takes them off its waitlist.
   *
   * @return whether they had a place or were waiting
   * @throws PrivateLinkClosedException when the link does not work
   */
  boolean cancel(String token, long shiftId);

  /**
   * Replaces the volunteer's details, checked as a sign-up is. The email address is not changed
   * here (the form's {@code email} is ignored): a new address must be confirmed, so it is given by
   * signing up with it. Consent stays as given.
   *
   * @throws SignUpRejectedException when a field is not acceptable; nothing is stored then
   * @throws PrivateLinkClosedException when the link does not work
   */
  void update(String token, SignUp details);

  /**
   * Everything the module holds about the volunteer, as a JSON document (UTF-8 text).
   *
   * @throws PrivateLinkClosedException when the link does not work
   */
  String exportJson(String token);

  /**
   * Erases the volunteer's personal data (see {@link VolunteerPrivacy#erase(long)}); the link dies
   * with it.
   *
   * @throws PrivateLinkClosedException when the link does not work
   */
  void erase(String token);

  /**
   * Revokes the link: it opens nothing from now on. A new one can be asked for with {@link
   * #sendLink}.
   *
   * @throws PrivateLinkClosedException when the link does not work
   */
  void revoke(String token);

  /**
   * Emails a new private link to a confirmed volunteer with this address (whatever its case), which
   * replaces their previous links. Says nothing either way: an unknown, unconfirmed or malformed
   * address is silently ignored, so that the form cannot tell who volunteers; so is a request made
   * within ten minutes of sending a link that still works (nobody can flood an inbox with links).
   *
   * @param siteAddress the site's public address, from which the link is made
   */
  void sendLink(String email, String siteAddress);
}
