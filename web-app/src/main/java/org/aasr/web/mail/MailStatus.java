package org.aasr.web.mail;

/** Where a message in the outbox stands. */
public enum MailStatus {
  /** Waiting to be sent: new, or failed and due again at its next attempt time. */
  PENDING,
  /** Claimed by a sender now; if that sender dies, the claim lapses and it is sent again. */
  SENDING,
  /** Accepted by the SMTP server. */
  SENT,
  /** Given up after the last attempt; an administrator may retry it. */
  FAILED
}
