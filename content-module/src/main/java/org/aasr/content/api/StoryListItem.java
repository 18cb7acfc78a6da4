package org.aasr.content.api;

import java.time.Instant;

/**
 * A story in the admin console's list.
 *
 * @param id its number
 * @param title the headline
 * @param slug the URL name
 * @param categoryName the category's name
 * @param state draft, scheduled or published, as of now
 * @param publishAt when it is or was to be published
 * @param updatedAt when it last changed
 */
public record StoryListItem(
    long id,
    String title,
    String slug,
    String categoryName,
    StoryState state,
    Instant publishAt,
    Instant updatedAt) {}
