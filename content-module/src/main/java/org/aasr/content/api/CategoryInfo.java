package org.aasr.content.api;

/**
 * A story category.
 *
 * @param slug its URL name, used in {@code /stories?category={slug}}
 * @param name its display name
 * @param description a sentence that says what its stories are about, or null
 * @param publishedStories how many published stories it holds (0 where not counted)
 */
public record CategoryInfo(String slug, String name, String description, long publishedStories) {}
