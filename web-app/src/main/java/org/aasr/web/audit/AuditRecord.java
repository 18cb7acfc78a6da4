package org.aasr.web.audit;

import java.time.Instant;

/**
 * One audit log entry as the console shows it.
 *
 * @param id its number, in the order written
 * @param occurredAt when
 * @param actor who (an email address, or "system")
 * @param action what, e.g. {@code SIGNED_IN}
 * @param subjectType the kind of thing acted on
 * @param subjectId which one
 * @param summary what changed
 */
public record AuditRecord(
    long id,
    Instant occurredAt,
    String actor,
    String action,
    String subjectType,
    String subjectId,
    String summary) {}
