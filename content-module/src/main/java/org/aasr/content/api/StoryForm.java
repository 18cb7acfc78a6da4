package org.aasr.content.api;

import java.time.Instant;

/**
 * A story as the admin console edits it.
 *
 * @param id null for a new story
 * @param version the version the editor opened, for detecting concurrent changes (0 when new)
 * @param title the headline
 * @param slug the URL name; blank to make one from the title
 * @param excerpt a plain-text teaser
 * @param bodyHtml the text as HTML from the editor; cleaned when saved
 * @param author who is credited
 * @param categorySlug the category
 * @param published false for a draft
 * @param publishAt when it goes public; a future time schedules it, null means now
 * @param featured whether the home page shows it before the others
 * @param imageFile the featured image, as stored by {@link StoryAdmin#storeImage}, or null
 * @param imageAlt the image's text alternative, required with an image
 */
public record StoryForm(
    Long id,
    int version,
    String title,
    String slug,
    String excerpt,
    String bodyHtml,
    String author,
    String categorySlug,
    boolean published,
    Instant publishAt,
    boolean featured,
    String imageFile,
    String imageAlt) {}
