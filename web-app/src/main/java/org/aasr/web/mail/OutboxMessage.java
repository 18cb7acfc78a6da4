package org.aasr.web.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/**
 * One message in the outbox. Times are UTC. The version lets exactly one sender claim a message
 * when several instances poll the same table.
 */
@Entity
@Table(name = "mail_outbox")
class OutboxMessage {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "created_at", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  @Column(nullable = false, updatable = false, length = 4000)
  private String recipients;

  @Column(updatable = false, length = 500)
  private String subject;

  /** Written once; emptied once sent (see {@link #sent}). */
  @Lob
  @Column(nullable = false)
  private String content;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private MailStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private LocalDateTime nextAttemptAt;

  @Column(name = "sent_at")
  private LocalDateTime sentAt;

  @Column(name = "last_error", length = 500)
  private String lastError;

  @Version private int version;

  protected OutboxMessage() {}

  OutboxMessage(LocalDateTime now, String recipients, String subject, String content) {
    this.createdAt = now;
    this.recipients = recipients;
    this.subject = subject;
    this.content = content;
    this.status = MailStatus.PENDING;
    this.nextAttemptAt = now;
  }

  Long getId() {
    return id;
  }

  LocalDateTime getCreatedAt() {
    return createdAt;
  }

  String getRecipients() {
    return recipients;
  }

  String getSubject() {
    return subject;
  }

  String getContent() {
    return content;
  }

  MailStatus getStatus() {
    return status;
  }

  int getAttempts() {
    return attempts;
  }

  LocalDateTime getNextAttemptAt() {
    return nextAttemptAt;
  }

  LocalDateTime getSentAt() {
    return sentAt;
  }

  String getLastError() {
    return lastError;
  }

  int getVersion() {
    return version;
  }

  /**
   * Marks the message sent and drops its content: once the SMTP server has it, the database need
   * not keep what it said (private links, receipts, a person's shifts), so a copy or a backup of
   * the database opens no link and a person's erasure leaves no letter behind. The list keeps when,
   * to whom and the subject.
   */
  void sent(LocalDateTime now) {
    status = MailStatus.SENT;
    sentAt = now;
    lastError = null;
    content = "";
  }

  void failed(String error, LocalDateTime retryAt) {
    lastError = error;
    if (retryAt == null) {
      status = MailStatus.FAILED;
    } else {
      status = MailStatus.PENDING;
      nextAttemptAt = retryAt;
    }
  }

  void retryNow(LocalDateTime now) {
    status = MailStatus.PENDING;
    attempts = 0;
    nextAttemptAt = now;
  }
}
