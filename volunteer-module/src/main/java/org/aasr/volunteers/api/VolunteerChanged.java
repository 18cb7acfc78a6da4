package org.aasr.volunteers.api;

import java.util.Objects;

/**
 * Fired, inside the transaction, whenever volunteering data changes. The console's audit log
 * observes it synchronously, so a change and its audit entry commit or roll back together.
 *
 * <p>It carries no personal data: the subject is a number, and the summary never holds a name or an
 * email address, so that erasing a volunteer leaves nothing personal in the log.
 *
 * @param actor who made the change: a staff member's sign-in name, or {@code visitor} for someone
 *     on the public site
 * @param action what was done
 * @param subjectId which volunteer, opportunity or shift (its number or address)
 * @param summary what changed, in a sentence, without personal data
 */
public record VolunteerChanged(
    String actor, VolunteerAction action, String subjectId, String summary) {

  /** The actor of changes made by someone on the public site. */
  public static final String VISITOR = "visitor";

  public VolunteerChanged {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
  }
}
