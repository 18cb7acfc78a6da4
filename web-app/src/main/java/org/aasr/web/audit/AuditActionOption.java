package org.aasr.web.audit;

/**
 * One action the audit page can filter by.
 *
 * @param name the action as stored, e.g. {@code STORY_CREATED}
 * @param label the action as staff read it
 */
public record AuditActionOption(String name, String label) {}
