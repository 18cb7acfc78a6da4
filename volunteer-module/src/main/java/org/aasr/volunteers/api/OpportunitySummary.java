package org.aasr.volunteers.api;

/**
 * An opportunity as the public list shows it.
 *
 * @param slug its address, {@code /volunteer/{slug}}
 * @param title its name
 * @param summary one or two plain sentences
 * @param placeKind remote or in person
 * @param country where it takes place (ISO code), or null when anywhere
 * @param region the state or province (postal code) within the country, or null
 * @param timeAsked the time it asks, in words, e.g. "A few hours per event"
 */
public record OpportunitySummary(
    String slug,
    String title,
    String summary,
    PlaceKind placeKind,
    String country,
    String region,
    String timeAsked) {

  /** Where it takes place as people read it: "Remote", or "In person in Ohio, United States". */
  public String where() {
    String place = Places.describe(country, region);
    if (placeKind == PlaceKind.REMOTE) {
      return place.isEmpty() ? "Remote" : "Remote, for people in " + place;
    }
    return place.isEmpty() ? "In person" : "In person in " + place;
  }
}
