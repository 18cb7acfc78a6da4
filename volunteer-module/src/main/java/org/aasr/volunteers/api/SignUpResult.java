package org.aasr.volunteers.api;

/**
 * What became of a sign-up.
 *
 * @param volunteerId the volunteer signed up, or the one who had signed up with this address
 * @param updated true when someone with this email address had signed up before (their details stay
 *     as they were); never shown to the visitor, who must not learn which addresses are known
 */
public record SignUpResult(long volunteerId, boolean updated) {}
