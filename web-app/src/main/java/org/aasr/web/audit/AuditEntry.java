package org.aasr.web.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One line of the audit log. It has no setters: entries are written once and never changed. */
@Entity
@Table(name = "audit_entry")
class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private LocalDateTime occurredAt;

  @Column(nullable = false, updatable = false, length = 254)
  private String actor;

  @Column(nullable = false, updatable = false, length = 60)
  private String action;

  @Column(name = "subject_type", nullable = false, updatable = false, length = 60)
  private String subjectType;

  @Column(name = "subject_id", updatable = false, length = 200)
  private String subjectId;

  @Column(nullable = false, updatable = false, length = 4000)
  private String summary;

  protected AuditEntry() {}

  AuditEntry(
      LocalDateTime occurredAt,
      String actor,
      String action,
      String subjectType,
      String subjectId,
      String summary) {
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.summary = summary;
  }

  Long getId() {
    return id;
  }

  LocalDateTime getOccurredAt() {
    return occurredAt;
  }

  String getActor() {
    return actor;
  }

  String getAction() {
    return action;
  }

  String getSubjectType() {
    return subjectType;
  }

  String getSubjectId() {
    return subjectId;
  }

  String getSummary() {
    return summary;
  }
}
