package org.aasr.volunteers.api;

import java.time.Instant;
import java.util.Set;

/**
 * A volunteer as the console's list (and its CSV export) shows them.
 *
 * @param id their number
 * @param fullName their name
 * @param email their email address
 * @param country where they live (code)
 * @param region their state or province (code)
 * @param status where they are in the pipeline
 * @param confirmed whether they confirmed their email address; until they do, nobody may contact
 *     them
 * @param interests what they would like to help with
 * @param skills their skills in their words, or null
 * @param signedUpAt when they first signed up
 */
public record VolunteerRow(
    long id,
    String fullName,
    String email,
    String country,
    String region,
    VolunteerStatus status,
    boolean confirmed,
    Set<Interest> interests,
    String skills,
    Instant signedUpAt) {

  public VolunteerRow {
    interests = interests == null ? Set.of() : Set.copyOf(interests);
  }

  /** Where they live as people read it, e.g. {@code Ohio, United States}. */
  public String place() {
    return Places.describe(country, region);
  }

  /** Their interests as the console shows them, comma separated, in the form's order. */
  public String interestLabels() {
    return String.join(
        ", ",
        java.util.Arrays.stream(Interest.values())
            .filter(interests::contains)
            .map(Interest::label)
            .toList());
  }
}
