package org.aasr.web.mail;

import java.time.Instant;

/**
 * One message in the outbox as administrators see it: no content, only where it goes and how far it
 * got.
 *
 * @param id its number
 * @param createdAt when the change that caused it was made
 * @param recipients the addresses it goes to, comma-separated
 * @param subject its subject
 * @param status where it stands
 * @param attempts how many times sending was tried (since the last "retry now")
 * @param nextAttemptAt when it is tried next (pending), or when its claim lapses (sending)
 * @param sentAt when the SMTP server took it, or null
 * @param lastError why the last attempt failed, without addresses, or null
 */
public record OutboxEntry(
    long id,
    Instant createdAt,
    String recipients,
    String subject,
    MailStatus status,
    int attempts,
    Instant nextAttemptAt,
    Instant sentAt,
    String lastError) {}
