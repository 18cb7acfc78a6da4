package org.aasr.content.api;

import java.util.Objects;

/**
 * Fired, inside the transaction, whenever staff change content. The console's audit log observes it
 * synchronously, so a change and its audit entry commit or roll back together; a page cache may
 * observe it after success to drop what it kept.
 *
 * @param actor who made the change (the signed-in staff member's email address)
 * @param action what was done
 * @param subjectId which story, page or category (its address)
 * @param summary what changed, before and after, in a sentence
 */
public record ContentChanged(String actor, ContentAction action, String subjectId, String summary) {

  public ContentChanged {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
  }
}
