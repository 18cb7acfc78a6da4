package org.aasr.content.api;

import java.time.Instant;

/**
 * A whole story, as its own page shows it.
 *
 * @param summary what the lists show of it
 * @param bodyHtml the story's text as HTML that was sanitised when it was saved, safe to render as
 *     is
 * @param updatedAt when the story last changed, for feeds and the sitemap
 * @param imageFile the featured image's stored name, served at {@code /media/stories/{name}}, or
 *     null
 * @param imageAlt the image's text alternative
 */
public record StoryDetail(
    StorySummary summary, String bodyHtml, Instant updatedAt, String imageFile, String imageAlt) {}
