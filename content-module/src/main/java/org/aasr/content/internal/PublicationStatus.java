package org.aasr.content.internal;

/**
 * Where a story or page stands. A {@code PUBLISHED} item whose publication time lies ahead is
 * scheduled: it shows once that time has passed.
 */
enum PublicationStatus {
  DRAFT,
  PUBLISHED
}
