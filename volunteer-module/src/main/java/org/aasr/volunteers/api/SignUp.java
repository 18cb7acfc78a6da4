package org.aasr.volunteers.api;

import java.util.Set;

/**
 * What a visitor gives when signing up to volunteer. Text is taken as plain text: it is checked for
 * length and control characters, stored as typed, and escaped wherever it is shown.
 *
 * @param fullName their name (required)
 * @param email their email address (required; one volunteer per address, whatever its case)
 * @param phone a phone number, or null
 * @param country where they live (required, a {@link Places} country code)
 * @param region their state or province (required, in that country)
 * @param interests what they would like to help with (at least one)
 * @param skills skills they offer, in their words, or null
 * @param availability when they are free, in their words, or null
 * @param experience lived experience they choose to tell us about (may be empty)
 * @param howHeard how they heard of us, or null
 * @param consent whether they agreed to be contacted about volunteering (required)
 */
public record SignUp(
    String fullName,
    String email,
    String phone,
    String country,
    String region,
    Set<Interest> interests,
    String skills,
    String availability,
    Set<LivedExperience> experience,
    String howHeard,
    boolean consent) {

  public SignUp {
    interests = interests == null ? Set.of() : Set.copyOf(interests);
    experience = experience == null ? Set.of() : Set.copyOf(experience);
  }
}
