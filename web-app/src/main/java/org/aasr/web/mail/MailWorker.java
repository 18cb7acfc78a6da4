package org.aasr.web.mail;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the outbox's due messages, every {@code aasr.mail.poll.seconds} (5 by default), in batches
 * of {@value #BATCH}. A failed attempt is retried after a backoff that doubles, up to {@link
 * MailSettings#maxAttempts()} attempts; then the message is marked failed for an administrator to
 * look at.
 *
 * <p>With no SMTP server set, the worker does not run: messages wait in the outbox, and the console
 * says why. Logs name message ids and counts only.
 */
@ApplicationScoped
public class MailWorker {

  static final int BATCH = 20;

  private static final Logger LOG = Logger.getLogger(MailWorker.class.getName());

  @Inject Outbox outbox;

  @Resource ManagedScheduledExecutorService scheduler;

  SmtpSender sender;

  private ScheduledFuture<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    MailSettings settings = outbox.settings();
    if (!settings.smtpSet()) {
      LOG.warning(
          "No SMTP server is set (AASR_SMTP_HOST): mail is kept in the outbox, where"
              + " administrators see it, and not sent.");
      return;
    }
    sender = new SmtpSender(settings);
    long every = settings.poll().toSeconds();
    task = scheduler.scheduleWithFixedDelay(this::pollQuietly, every, every, TimeUnit.SECONDS);
    LOG.info(() -> "Mail is sent through " + settings);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  private void pollQuietly() {
    try {
      poll();
      forgetHourly();
    } catch (RuntimeException e) {
      // Only the kind: a database error's message could quote a row.
      LOG.log(
          Level.WARNING,
          "Could not read the outbox ({0}); will try again at the next poll.",
          e.getClass().getName());
    }
  }

  /** When old messages were last forgotten ({@link System#nanoTime}), or null before the first. */
  private Long forgotAt;

  /** Forgets the messages past their keeping time ({@link Outbox#forgetExpired}), once an hour. */
  private void forgetHourly() {
    long now = System.nanoTime();
    if (forgotAt != null && now - forgotAt < TimeUnit.HOURS.toNanos(1)) {
      return;
    }
    forgotAt = now;
    int forgotten = outbox.forgetExpired();
    if (forgotten > 0) {
      LOG.info(() -> "Forgot " + forgotten + " messages sent or given up long ago");
    }
  }

  /**
   * Sends one batch of due messages.
   *
   * @return how many were sent
   */
  int poll() {
    List<Outbox.Claim> claims = outbox.claimDue(BATCH);
    if (claims.isEmpty()) {
      return 0;
    }
    Transport transport;
    try {
      transport = sender.connect();
    } catch (MessagingException | RuntimeException e) {
      String error = MailErrors.describe(e);
      claims.forEach(claim -> failed(claim, e, error));
      return 0;
    }
    int sent = 0;
    long deadline = System.nanoTime() + Outbox.CLAIM.toNanos() / 2;
    try {
      for (Outbox.Claim claim : claims) {
        if (System.nanoTime() > deadline) {
          // A slow server: the rest of the batch is left to lapse and be claimed again, rather
          // than sent so late that another instance may have claimed and sent it meanwhile.
          break;
        }
        try {
          sender.send(transport, claim);
        } catch (MessagingException | RuntimeException e) {
          failed(claim, e, MailErrors.describe(e));
          continue;
        }
        outbox.markSent(claim.id());
        sent++;
      }
    } finally {
      close(transport);
    }
    int total = sent;
    LOG.info(() -> "Sent " + total + " of " + claims.size() + " due messages");
    return sent;
  }

  private void failed(Outbox.Claim claim, Exception e, String error) {
    MailStatus now = outbox.markFailed(claim.id(), error);
    LOG.warning(
        () ->
            "Mail "
                + claim.id()
                + ": attempt "
                + claim.attempt()
                + " failed ("
                + e.getClass().getSimpleName()
                + "); "
                + (now == MailStatus.FAILED ? "given up, see the console's outbox" : "will retry"));
  }

  private static void close(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException e) {
      // The messages are sent; a failed QUIT changes nothing.
    }
  }
}
