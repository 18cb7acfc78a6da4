package org.aasr.volunteers.api;

/**
 * An opportunity as the console edits it. Text is plain text, escaped wherever it is shown.
 *
 * @param id its number, or null for a new one
 * @param version the version the form was opened at (0 for a new one): a save over someone else's
 *     newer save is refused
 * @param title its name (required, at most 200 characters)
 * @param slug its address {@code /volunteer/{slug}}; empty to make one from the title
 * @param summary one or two sentences for the list (required, at most 500)
 * @param involves what it involves, paragraphs separated by blank lines (required)
 * @param placeKind remote or in person (required)
 * @param country where (a {@link Places} country code), or null for anywhere
 * @param region the state or province in that country, or null for the whole country
 * @param timeAsked the time it asks, in words (required, at most 200)
 * @param status whether visitors see it; read only here (publish and close change it)
 */
public record OpportunityForm(
    Long id,
    int version,
    String title,
    String slug,
    String summary,
    String involves,
    PlaceKind placeKind,
    String country,
    String region,
    String timeAsked,
    OpportunityStatus status) {}
