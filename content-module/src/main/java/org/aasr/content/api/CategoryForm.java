package org.aasr.content.api;

/**
 * A story category as the admin console edits it.
 *
 * @param isNew true when the category does not exist yet
 * @param version the version the editor opened (0 when new)
 * @param slug its URL name ({@code /stories?category={slug}}); made from the name when left empty,
 *     fixed once the category exists so that links to it keep working
 * @param name its display name
 * @param description a sentence shown above its stories, or empty
 * @param stories how many stories it holds, drafts included (0 when new)
 */
public record CategoryForm(
    boolean isNew, int version, String slug, String name, String description, long stories) {}
