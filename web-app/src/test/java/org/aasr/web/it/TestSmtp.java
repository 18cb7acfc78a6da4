package org.aasr.web.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * The SMTP server of the console's test server (GreenMail), on the port the build reserved and
 * passed to that server as {@code AASR_SMTP_PORT}. It runs in the test's own JVM, client side.
 */
final class TestSmtp implements AutoCloseable {

  private final GreenMail server;

  private TestSmtp(GreenMail server) {
    this.server = server;
  }

  static TestSmtp start() {
    int port = Integer.parseInt(System.getenv("AASR_SMTP_PORT"));
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return new TestSmtp(server);
  }

  /** Waits up to {@code millis} for a message with this subject, and returns all such. */
  List<MimeMessage> awaitSubject(String subject, long millis) throws Exception {
    long until = System.currentTimeMillis() + millis;
    while (true) {
      List<MimeMessage> found = withSubject(subject);
      if (!found.isEmpty() || System.currentTimeMillis() > until) {
        return found;
      }
      server.waitForIncomingEmail(500, server.getReceivedMessages().length + 1);
    }
  }

  /** Waits up to {@code millis} for a message that matches, and returns all such. */
  List<MimeMessage> await(java.util.function.Predicate<MimeMessage> wanted, long millis)
      throws Exception {
    long until = System.currentTimeMillis() + millis;
    while (true) {
      List<MimeMessage> found = Arrays.stream(server.getReceivedMessages()).filter(wanted).toList();
      if (!found.isEmpty() || System.currentTimeMillis() > until) {
        return found;
      }
      server.waitForIncomingEmail(500, server.getReceivedMessages().length + 1);
    }
  }

  List<MimeMessage> withSubject(String subject) {
    return Arrays.stream(server.getReceivedMessages())
        .filter(
            m -> {
              try {
                return subject.equals(m.getSubject());
              } catch (jakarta.mail.MessagingException e) {
                return false;
              }
            })
        .toList();
  }

  @Override
  public void close() {
    server.stop();
  }
}
