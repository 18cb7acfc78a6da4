package org.aasr.web.mail;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * How the outbox sends: the SMTP server ({@code AASR_SMTP_HOST}, {@code AASR_SMTP_PORT}, {@code
 * AASR_SMTP_USERNAME}, {@code AASR_SMTP_PASSWORD}, {@code AASR_SMTP_STARTTLS}), the sender ({@code
 * AASR_MAIL_FROM}) and the worker's pace. With no host, nothing is sent and messages wait in the
 * outbox, where administrators see them.
 *
 * @param host the SMTP server, or empty when none is set
 * @param port its port, 587 (submission) by default
 * @param username the SMTP user, or empty for a server that takes mail without signing in
 * @param password the SMTP password
 * @param startTls whether to require STARTTLS (true by default: credentials never go in clear)
 * @param from the sender of messages that name none
 * @param poll how often the worker looks for due messages
 * @param firstRetry the wait after a first failure; it doubles with each further one
 * @param maxRetry the longest wait between two attempts
 * @param maxAttempts the attempts after which a message is marked failed
 * @param keepSent how long a sent or failed message stays listed in the outbox ({@code
 *     AASR_MAIL_KEEP_DAYS}, 90 days by default): its recipients and subject are personal data
 */
public record MailSettings(
    Optional<String> host,
    int port,
    Optional<String> username,
    Optional<String> password,
    boolean startTls,
    String from,
    Duration poll,
    Duration firstRetry,
    Duration maxRetry,
    int maxAttempts,
    Duration keepSent) {

  /** The sender when {@code AASR_MAIL_FROM} is not set. */
  public static final String DEFAULT_FROM = "AASR <no-reply@localhost>";

  public MailSettings {
    host = host.map(String::trim).filter(h -> !h.isEmpty());
    username = username.filter(u -> !u.isBlank());
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("aasr.smtp.port must be between 1 and 65535");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("aasr.mail.max.attempts must be at least 1");
    }
  }

  /** Reads the settings from MicroProfile Config, with the defaults of the one-command run. */
  public static MailSettings from(Config config) {
    return new MailSettings(
        config.getOptionalValue("aasr.smtp.host", String.class),
        config.getOptionalValue("aasr.smtp.port", Integer.class).orElse(587),
        config.getOptionalValue("aasr.smtp.username", String.class),
        config.getOptionalValue("aasr.smtp.password", String.class),
        config.getOptionalValue("aasr.smtp.starttls", Boolean.class).orElse(true),
        config
            .getOptionalValue("aasr.mail.from", String.class)
            .filter(f -> !f.isBlank())
            .orElse(DEFAULT_FROM),
        Duration.ofSeconds(
            Math.max(1, config.getOptionalValue("aasr.mail.poll.seconds", Long.class).orElse(5L))),
        Duration.ofSeconds(
            Math.max(
                1,
                config
                    .getOptionalValue("aasr.mail.retry.initial.seconds", Long.class)
                    .orElse(60L))),
        Duration.ofHours(1),
        config.getOptionalValue("aasr.mail.max.attempts", Integer.class).orElse(10),
        Duration.ofDays(
            Math.max(1, config.getOptionalValue("aasr.mail.keep.days", Long.class).orElse(90L))));
  }

  /** Whether an SMTP server is set, so that messages can be sent at all. */
  public boolean smtpSet() {
    return host.isPresent();
  }

  /**
   * The wait before the next attempt after {@code failures} failed ones: {@link #firstRetry}, then
   * doubling, never more than {@link #maxRetry}.
   */
  public Duration backoff(int failures) {
    Duration wait = firstRetry;
    for (int i = 1; i < failures && wait.compareTo(maxRetry) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
  }

  @Override
  public String toString() {
    // Never the password, should settings end up in a log.
    return "MailSettings[host="
        + host.orElse("(none)")
        + ", port="
        + port
        + ", startTls="
        + startTls
        + "]";
  }
}
