package org.aasr.web.mail;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.aasr.web.accounts.Role;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The outbox: every message the site sends is stored here, in the transaction of the change that
 * causes it, and sent afterwards by {@link MailWorker}.
 *
 * <p>Why not send at once: an SMTP server that is slow or down would hold up or fail the change (a
 * donation, a sign-up), and a message sent from inside a transaction that later rolls back would
 * tell someone of a change that never happened. Stored with the change, a message exists exactly
 * when the change does, and survives a crash or an SMTP outage until it is sent.
 *
 * <p>Feature modules fire a {@link MimeMessage} as a CDI event inside their transaction; {@link
 * #onMail} stores it synchronously, in that transaction. Code in the web app may call {@link
 * #enqueue} directly.
 *
 * <p>Delivery is at least once: a sender that crashes after the SMTP server took a message but
 * before marking it sent leaves it {@link MailStatus#SENDING}; when its claim lapses ({@link
 * #CLAIM}) another attempt sends it again. Several instances may poll the same table: a claim is a
 * conditional update on the row's version, which only one of them wins.
 */
@ApplicationScoped
@Transactional
public class Outbox {

  /**
   * How long a sender holds a claimed message before others may take it again: far longer than the
   * SMTP timeouts of one attempt ({@link SmtpSender}), so that only a crashed sender's claims
   * lapse.
   */
  static final Duration CLAIM = Duration.ofMinutes(5);

  private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
  private static final Session PARSING = Session.getInstance(new Properties());

  @PersistenceContext(unitName = "admin")
  EntityManager em;

  @Inject SecurityContext security;

  MailSettings settings;

  /** The time, replaceable in tests so that backoff need not be waited for. */
  Clock clock = Clock.systemUTC();

  @PostConstruct
  void readSettings() {
    settings = MailSettings.from(ConfigProvider.getConfig());
  }

  /** The settings the outbox and its worker use. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public MailSettings settings() {
    return settings;
  }

  /** Stores a message a module fires, in the module's transaction. */
  void onMail(@Observes MimeMessage message) {
    enqueue(message);
  }

  /**
   * Stores a message to be sent, in the current transaction (or a new one): when that transaction
   * rolls back, the message is gone too. Blind copies are sent but their header is not kept in the
   * stored message, so no recipient sees them.
   *
   * @return the message's number in the outbox
   * @throws IllegalArgumentException when the message has no recipient or cannot be read
   */
  public long enqueue(MimeMessage message) {
    try {
      Address[] to = message.getAllRecipients();
      if (to == null || to.length == 0) {
        throw new IllegalArgumentException("A message needs at least one recipient.");
      }
      String recipients =
          Arrays.stream(to)
              .map(
                  a -> a instanceof InternetAddress internet ? internet.getAddress() : a.toString())
              .collect(Collectors.joining(","));
      if (recipients.length() > 4000) {
        throw new IllegalArgumentException("A message goes to too many recipients.");
      }
      OutboxMessage stored =
          new OutboxMessage(
              now(),
              recipients,
              clip(message.getSubject(), 500),
              Base64.getEncoder().encodeToString(withoutBcc(message)));
      em.persist(stored);
      em.flush();
      LOG.fine(() -> "Queued mail " + stored.getId());
      return stored.getId();
    } catch (MessagingException | IOException e) {
      throw new IllegalArgumentException("The message cannot be read.", e);
    }
  }

  private static byte[] withoutBcc(MimeMessage message) throws MessagingException, IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out);
    if (message.getHeader("Bcc") == null) {
      return out.toByteArray();
    }
    MimeMessage copy = new MimeMessage(PARSING, new ByteArrayInputStream(out.toByteArray()));
    copy.removeHeader("Bcc");
    out.reset();
    copy.writeTo(out);
    return out.toByteArray();
  }

  /**
   * Claims up to {@code max} due messages for this sender: pending ones whose time has come, and
   * ones whose sender's claim has lapsed. Each claim counts as an attempt.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Claim> claimDue(int max) {
    LocalDateTime now = now();
    List<OutboxMessage> due =
        em.createQuery(
                "SELECT m FROM OutboxMessage m WHERE m.status IN :statuses"
                    + " AND m.nextAttemptAt <= :now ORDER BY m.nextAttemptAt, m.id",
                OutboxMessage.class)
            .setParameter("statuses", List.of(MailStatus.PENDING, MailStatus.SENDING))
            .setParameter("now", now)
            .setMaxResults(max)
            .getResultList();
    List<Claim> claims = new ArrayList<>();
    for (OutboxMessage m : due) {
      int won =
          em.createQuery(
                  "UPDATE OutboxMessage m SET m.status = :sending, m.nextAttemptAt = :lapses,"
                      + " m.attempts = m.attempts + 1, m.version = m.version + 1"
                      + " WHERE m.id = :id AND m.version = :version")
              .setParameter("sending", MailStatus.SENDING)
              .setParameter("lapses", now.plus(CLAIM))
              .setParameter("id", m.getId())
              .setParameter("version", m.getVersion())
              .executeUpdate();
      if (won == 1) {
        claims.add(
            new Claim(
                m.getId(),
                m.getAttempts() + 1,
                m.getRecipients(),
                Base64.getDecoder().decode(m.getContent())));
      }
    }
    return claims;
  }

  /** Records that the SMTP server took a claimed message. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void markSent(long id) {
    OutboxMessage m = em.find(OutboxMessage.class, id);
    if (m != null) {
      m.sent(now());
    }
  }

  /**
   * Records a failed attempt: the message is due again after a backoff, or, after the last attempt,
   * failed.
   *
   * @param error why, without personal data (see {@link MailErrors})
   * @return where the message now stands
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public MailStatus markFailed(long id, String error) {
    OutboxMessage m = em.find(OutboxMessage.class, id);
    if (m == null) {
      return MailStatus.FAILED;
    }
    LocalDateTime retryAt =
        m.getAttempts() >= settings.maxAttempts()
            ? null
            : now().plus(settings.backoff(m.getAttempts()));
    m.failed(clip(error, 500), retryAt);
    return m.getStatus();
  }

  /**
   * Forgets the messages sent, or given up, before {@code before}: after that, their recipients and
   * subjects are nobody's business (a sent message's content is dropped at once, {@link
   * #markSent}). Pending messages are kept whatever their age.
   *
   * @return how many were forgotten
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int forgetOlderThan(LocalDateTime before) {
    int sent =
        em.createQuery("DELETE FROM OutboxMessage m WHERE m.status = :sent AND m.sentAt < :before")
            .setParameter("sent", MailStatus.SENT)
            .setParameter("before", before)
            .executeUpdate();
    int failed =
        em.createQuery(
                "DELETE FROM OutboxMessage m WHERE m.status = :failed AND m.createdAt < :before")
            .setParameter("failed", MailStatus.FAILED)
            .setParameter("before", before)
            .executeUpdate();
    return sent + failed;
  }

  /** Forgets what {@link MailSettings#keepSent} no longer keeps; see {@link #forgetOlderThan}. */
  public int forgetExpired() {
    return forgetOlderThan(now().minus(settings.keepSent()));
  }

  /** Messages newest first, a page at a time (administrators only). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<OutboxEntry> find(int first, int max) {
    requireAdmin();
    return entries(first, max);
  }

  List<OutboxEntry> entries(int first, int max) {
    return em.createQuery("SELECT m FROM OutboxMessage m ORDER BY m.id DESC", OutboxMessage.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultStream()
        .map(
            m ->
                new OutboxEntry(
                    m.getId(),
                    instant(m.getCreatedAt()),
                    m.getRecipients(),
                    m.getSubject(),
                    m.getStatus(),
                    m.getAttempts(),
                    instant(m.getNextAttemptAt()),
                    instant(m.getSentAt()),
                    m.getLastError()))
        .toList();
  }

  /** How many messages {@link #find} pages through (administrators only). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long count() {
    requireAdmin();
    return em.createQuery("SELECT COUNT(m) FROM OutboxMessage m", Long.class).getSingleResult();
  }

  /**
   * Makes a failed or pending message due now, with a fresh round of attempts (administrators
   * only): for when the reason it failed, such as a wrong SMTP password, has been put right.
   *
   * @throws IllegalArgumentException when there is no such message, or it is being sent or sent
   */
  public void retryNow(long id) {
    requireAdmin();
    requeue(id);
  }

  void requeue(long id) {
    OutboxMessage m = em.find(OutboxMessage.class, id);
    if (m == null) {
      throw new IllegalArgumentException("There is no such message.");
    }
    if (m.getStatus() == MailStatus.SENT || m.getStatus() == MailStatus.SENDING) {
      throw new IllegalArgumentException("This message is sent or being sent already.");
    }
    m.retryNow(now());
    LOG.info(() -> "Mail " + id + " is due again now, at an administrator's request");
  }

  private void requireAdmin() {
    if (security == null
        || security.getCallerPrincipal() == null
        || !security.isCallerInRole(Role.ADMIN.name())) {
      throw new SecurityException("Only administrators see the outbox.");
    }
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
  }

  private static java.time.Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /**
   * A message claimed for sending.
   *
   * @param id its number
   * @param attempt which attempt this is, from 1
   * @param recipients the envelope's addresses, comma-separated
   * @param content the message, RFC 822
   */
  public record Claim(long id, int attempt, String recipients, byte[] content) {}
}
