package org.aasr.content.api;

/**
 * A story category.
 *
 * @param slug its URL name, used in {@code /stories?category={slug}}
 * @param name its display name
 * @param publishedStories how many published stories it holds (0 where not counted)
 */
public record CategoryInfo(String slug, String name, long publishedStories) {}
