package org.aasr.web.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox and its worker on a real embedded Derby (the web app's own migrations, EclipseLink)
 * and a real SMTP server (GreenMail, in-process), with a clock the tests move forward.
 */
class OutboxTest {

  private static final String TO = "donor@example.org";

  /** One database for the class (migrating one costs seconds), emptied before each test. */
  private static OutboxDatabase db;

  private int port;
  private GreenMail smtp;

  @BeforeAll
  static void createDatabase() {
    db = new OutboxDatabase();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @BeforeEach
  void setUp() throws IOException {
    db.empty();
    port = freePort();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  @AfterEach
  void tearDown() {
    smtp.stop();
  }

  private MailSettings settings(int maxAttempts) {
    return new MailSettings(
        Optional.of("127.0.0.1"),
        port,
        Optional.empty(),
        Optional.empty(),
        false,
        "AASR Test <outbox@aasr.test>",
        Duration.ofSeconds(5),
        Duration.ofSeconds(60),
        Duration.ofHours(1),
        maxAttempts,
        Duration.ofDays(90));
  }

  private static MimeMessage receipt() {
    return MailMessages.of(
        TO,
        "Thank you for your gift",
        "Thank you, Jo. We received 25.00 USD.",
        "<p>Thank you, <b>Jo</b>. We received 25.00 USD.</p>");
  }

  @Test
  void aMessageIsSentWhenTheServerIsUpFromTheConfiguredSender() throws Exception {
    smtp.start();
    var outbox = db.outbox(settings(10));
    long id = outbox.enqueue(receipt());

    assertEquals(1, db.worker(outbox).poll());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertEquals(1, received.length);
    assertEquals("Thank you for your gift", received[0].getSubject());
    assertEquals(
        TO,
        ((InternetAddress) received[0].getRecipients(Message.RecipientType.TO)[0]).getAddress());
    assertEquals("outbox@aasr.test", ((InternetAddress) received[0].getFrom()[0]).getAddress());
    OutboxEntry entry = outbox.only();
    assertEquals(id, entry.id());
    assertEquals(MailStatus.SENT, entry.status());
    assertEquals(1, entry.attempts());
    assertNotNull(entry.sentAt());
    assertEquals(0, db.worker(outbox).poll(), "a sent message is not sent again");
    assertEquals(
        1,
        db.count("SELECT COUNT(*) FROM mail_outbox WHERE id = " + id + " AND LENGTH(content) = 0"),
        "once sent, what the message said is not kept (links, receipts, a person's shifts)");
  }

  @Test
  void theTextAndTheHtmlArriveAsAlternativesOfOneMessage() throws Exception {
    smtp.start();
    var outbox = db.outbox(settings(10));
    outbox.enqueue(receipt());

    db.worker(outbox).poll();

    MimeMessage received = smtp.getReceivedMessages()[0];
    assertTrue(received.isMimeType("multipart/alternative"), received.getContentType());
    Multipart parts = (Multipart) received.getContent();
    assertEquals(2, parts.getCount());
    assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
    assertEquals("Thank you, Jo. We received 25.00 USD.", parts.getBodyPart(0).getContent());
    assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    assertEquals(
        "<p>Thank you, <b>Jo</b>. We received 25.00 USD.</p>", parts.getBodyPart(1).getContent());
  }

  @Test
  void anAttachmentSuchAsACalendarEventArrivesWithTheText() throws Exception {
    smtp.start();
    var outbox = db.outbox(settings(10));
    byte[] ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
    outbox.enqueue(
        MailMessages.of(
            TO,
            "Your volunteer shift",
            "See you on Saturday.",
            null,
            List.of(MailMessages.attachment("shift.ics", "text/calendar; charset=UTF-8", ics))));

    db.worker(outbox).poll();

    MimeMessage received = smtp.getReceivedMessages()[0];
    Multipart mixed = (Multipart) received.getContent();
    assertEquals("See you on Saturday.", mixed.getBodyPart(0).getContent());
    assertEquals("shift.ics", mixed.getBodyPart(1).getFileName());
    assertTrue(mixed.getBodyPart(1).isMimeType("text/calendar"));
  }

  @Test
  void whileTheServerIsDownTheMessageWaitsWithARetryTimeAndIsSentWhenItComesBack()
      throws Exception {
    var outbox = db.outbox(settings(10));
    outbox.enqueue(receipt());
    var worker = db.worker(outbox);

    assertEquals(0, worker.poll(), "nothing listens on the SMTP port");

    OutboxEntry waiting = outbox.only();
    assertEquals(MailStatus.PENDING, waiting.status());
    assertEquals(1, waiting.attempts());
    assertEquals(db.clock.instant().plusSeconds(60), waiting.nextAttemptAt());
    assertNotNull(waiting.lastError());
    assertFalse(waiting.lastError().contains("@"), waiting.lastError());

    smtp.start();
    assertEquals(0, worker.poll(), "not due before its retry time");
    assertEquals(0, smtp.getReceivedMessages().length);

    db.clock.advance(Duration.ofSeconds(60));
    assertEquals(1, worker.poll());

    assertEquals(1, smtp.getReceivedMessages().length);
    OutboxEntry sent = outbox.only();
    assertEquals(MailStatus.SENT, sent.status());
    assertEquals(2, sent.attempts());
    assertNull(sent.lastError());
  }

  @Test
  void theWaitDoublesAndAfterTheLastAttemptTheMessageFailsUntilAnAdministratorRetriesIt()
      throws Exception {
    var outbox = db.outbox(settings(3));
    outbox.enqueue(receipt());
    var worker = db.worker(outbox);

    worker.poll();
    assertEquals(db.clock.instant().plusSeconds(60), outbox.only().nextAttemptAt());
    db.clock.advance(Duration.ofSeconds(60));
    worker.poll();
    assertEquals(db.clock.instant().plusSeconds(120), outbox.only().nextAttemptAt());
    db.clock.advance(Duration.ofSeconds(120));
    worker.poll();

    OutboxEntry failed = outbox.only();
    assertEquals(MailStatus.FAILED, failed.status());
    assertEquals(3, failed.attempts());
    db.clock.advance(Duration.ofDays(1));
    smtp.start();
    assertEquals(0, worker.poll(), "a failed message is not tried again by itself");

    outbox.requeue(failed.id());
    assertEquals(1, worker.poll());
    assertEquals(MailStatus.SENT, outbox.only().status());
  }

  @Test
  void aSentMessageCannotBeRetried() {
    smtp.start();
    var outbox = db.outbox(settings(10));
    long id = outbox.enqueue(receipt());
    db.worker(outbox).poll();

    var refused = assertThrows(IllegalArgumentException.class, () -> outbox.requeue(id));
    assertEquals("This message is sent or being sent already.", refused.getMessage());
  }

  @Test
  void aMessageFiredInATransactionThatRollsBackIsNeverStoredNorSent() {
    smtp.start();
    MailSettings settings = settings(10);
    EntityManager change = db.emf.createEntityManager();
    change.getTransaction().begin();
    Outbox inTheChange = new Outbox();
    inTheChange.em = change;
    inTheChange.settings = settings;
    inTheChange.onMail(receipt());
    change.getTransaction().rollback();
    change.close();

    assertEquals(0, db.count("SELECT COUNT(*) FROM mail_outbox"));
    assertEquals(0, db.worker(db.outbox(settings)).poll());
    assertEquals(0, smtp.getReceivedMessages().length);
  }

  @Test
  void aMessageFiredInATransactionThatCommitsIsStoredWithIt() {
    EntityManager change = db.emf.createEntityManager();
    change.getTransaction().begin();
    Outbox inTheChange = new Outbox();
    inTheChange.em = change;
    inTheChange.settings = settings(10);
    inTheChange.onMail(receipt());
    change.getTransaction().commit();
    change.close();

    assertEquals(1, db.count("SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING'"));
  }

  @Test
  void aCrashedSendersClaimLapsesAndTheMessageIsSentAgain() throws Exception {
    smtp.start();
    var outbox = db.outbox(settings(10));
    outbox.enqueue(receipt());
    assertEquals(1, outbox.claimDue(10).size(), "a sender claims it, then dies");

    var worker = db.worker(outbox);
    assertEquals(0, worker.poll(), "claimed by the other sender");
    assertEquals(MailStatus.SENDING, outbox.only().status());

    db.clock.advance(Outbox.CLAIM);
    assertEquals(1, worker.poll());
    assertEquals(1, smtp.getReceivedMessages().length);
    assertEquals(2, outbox.only().attempts());
  }

  @Test
  void twoSendersPollingAtOnceClaimEachMessageOnce() throws Exception {
    var setup = db.outbox(settings(10));
    for (int i = 0; i < 30; i++) {
      setup.enqueue(receipt());
    }
    ExecutorService senders = Executors.newFixedThreadPool(2);
    try {
      List<Callable<List<Long>>> polls = new ArrayList<>();
      for (int s = 0; s < 2; s++) {
        var outbox = db.outbox(settings(10));
        polls.add(() -> outbox.claimDue(30).stream().map(Outbox.Claim::id).toList());
      }
      List<Long> claimed = new ArrayList<>();
      for (Future<List<Long>> result : senders.invokeAll(polls)) {
        claimed.addAll(result.get());
      }
      Set<Long> distinct = new HashSet<>(claimed);
      assertEquals(claimed.size(), distinct.size(), "no message claimed twice: " + claimed);
      assertEquals(30, distinct.size());
    } finally {
      senders.shutdownNow();
    }
  }

  @Test
  void blindCopiesAreSentButNoRecipientSeesThem() throws Exception {
    smtp.start();
    var outbox = db.outbox(settings(10));
    MimeMessage message = receipt();
    message.addRecipient(Message.RecipientType.BCC, new InternetAddress("board@example.org"));
    outbox.enqueue(message);

    db.worker(outbox).poll();

    MimeMessage[] received = smtp.getReceivedMessages();
    assertEquals(2, received.length, "one for each recipient");
    for (MimeMessage m : received) {
      assertNull(m.getHeader("Bcc"));
    }
    assertEquals(
        1,
        smtp.findReceivedMessages(user -> "board@example.org".equals(user.getEmail()), m -> true)
            .count(),
        "the blind copy reached its recipient");
  }

  @Test
  void aMessageWithoutARecipientIsRefusedPlainly() {
    var outbox = db.outbox(settings(10));
    MimeMessage nobody = new MimeMessage(Session.getInstance(new Properties()));

    var refused = assertThrows(IllegalArgumentException.class, () -> outbox.enqueue(nobody));
    assertEquals("A message needs at least one recipient.", refused.getMessage());
  }

  @Test
  void anInvalidAddressIsRefusedWhenTheMessageIsBuilt() {
    var refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> MailMessages.of("not an address", "s", "t", null));
    assertEquals("Not a valid email address.", refused.getMessage());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void messagesSentOrGivenUpLongAgoAreForgottenAndPendingOnesKept() throws Exception {
    smtp.start();
    var outbox = db.outbox(settings(10));
    long old = outbox.enqueue(receipt());
    long recent = outbox.enqueue(receipt());
    assertEquals(2, db.worker(outbox).poll());
    long oldFailure = outbox.enqueue(receipt());
    outbox.markFailed(oldFailure, "refused");
    long waiting = outbox.enqueue(receipt());
    db.update("UPDATE mail_outbox SET sent_at = {ts '2026-08-01 00:00:00'} WHERE id = " + old);
    db.update(
        "UPDATE mail_outbox SET status = 'FAILED', created_at = {ts '2026-08-01 00:00:00'}"
            + " WHERE id = "
            + oldFailure);
    db.update(
        "UPDATE mail_outbox SET created_at = {ts '2026-08-01 00:00:00'} WHERE id = " + waiting);

    assertEquals(2, outbox.forgetExpired(), "90 days after 2026-11-29 12:00 is 2026-08-31");

    assertEquals(
        0,
        db.count("SELECT COUNT(*) FROM mail_outbox WHERE id IN (" + old + ", " + oldFailure + ")"));
    assertEquals(
        2,
        db.count("SELECT COUNT(*) FROM mail_outbox WHERE id IN (" + recent + ", " + waiting + ")"),
        "a recent message and one still waiting to be sent are kept");
  }
}
