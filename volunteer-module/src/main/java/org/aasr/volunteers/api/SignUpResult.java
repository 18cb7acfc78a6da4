package org.aasr.volunteers.api;

/**
 * What became of a sign-up.
 *
 * @param volunteerId the volunteer signed up or updated
 * @param updated true when someone with this email address had signed up before and their details
 *     were updated, rather than a second volunteer created
 */
public record SignUpResult(long volunteerId, boolean updated) {}
