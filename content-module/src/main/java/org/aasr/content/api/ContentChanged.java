package org.aasr.content.api;

/**
 * Fired, inside the transaction, whenever staff change content; the admin console's audit log
 * observes it.
 *
 * @param actor who made the change
 * @param action what was done, e.g. {@code STORY_PUBLISHED}
 * @param subjectType what kind of content, e.g. {@code story}
 * @param subjectId which one (its slug)
 * @param summary what changed, before and after
 */
public record ContentChanged(
    String actor, String action, String subjectType, String subjectId, String summary) {}
