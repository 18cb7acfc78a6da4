package org.aasr.content.api;

import java.time.Instant;

/**
 * A story as listed on the home page, the stories index and the feed.
 *
 * @param slug the story's URL name, unique among stories
 * @param title the headline
 * @param excerpt a plain-text teaser of a few sentences
 * @param author who wrote it, as it should be credited
 * @param category the category it is filed under
 * @param publishedAt when it was (or is to be) published
 * @param excerptOnly true while only the story's opening is on the site and its full text is still
 *     awaited
 */
public record StorySummary(
    String slug,
    String title,
    String excerpt,
    String author,
    CategoryInfo category,
    Instant publishedAt,
    boolean excerptOnly) {}
