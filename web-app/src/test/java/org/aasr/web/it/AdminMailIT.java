package org.aasr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.UserTransaction;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.aasr.web.mail.MailMessages;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox in the real application on Payara Micro: a module's way of sending mail (a {@link
 * MimeMessage} fired as a CDI event inside its JTA transaction), the worker on the managed
 * scheduler, Payara's Jakarta Mail, and the console's page, with an SMTP server (GreenMail in the
 * test's JVM) that is down at first and then comes up.
 *
 * <p>The first two tests run inside the server (this class is added to the built WAR, as a test
 * only; the application has no way to send a message on request), the last from outside, as an
 * administrator would see it. They run in order: one story.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfEnvironmentVariable(
    named = "AASR_SMTP_HOST",
    matches = ".+",
    disabledReason = "the build sets an SMTP server for the console tests' execution only")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminMailIT {

  static final String COMMITTED = "AdminMailIT: thank you for signing up";
  static final String ROLLED_BACK = "AdminMailIT: a sign-up that did not happen";
  static final String TEXT = "Thank you for signing up to volunteer.";
  static final String HTML = "<p>Thank you for signing up to <b>volunteer</b>.</p>";

  @ArquillianResource URL base;

  @Inject Event<MimeMessage> mail;

  @Resource UserTransaction transaction;

  @Resource(lookup = "java:app/jdbc/aasr")
  DataSource database;

  @Deployment
  static WebArchive deployment() {
    return Site.builtWar().addClass(AdminMailIT.class);
  }

  @Test
  @Order(1)
  void aMessageFiredInAChangeIsStoredWithItAndNotWhenTheChangeRollsBack() throws Exception {
    long before = count(COMMITTED);

    transaction.begin();
    mail.fire(MailMessages.of("nobody@example.org", ROLLED_BACK, TEXT, null));
    transaction.rollback();
    transaction.begin();
    mail.fire(MailMessages.of("volunteer@example.org", COMMITTED, TEXT, HTML));
    transaction.commit();

    assertEquals(0, count(ROLLED_BACK));
    assertEquals(before + 1, count(COMMITTED));
  }

  @Test
  @Order(2)
  void whileTheSmtpServerIsDownTheMessageWaitsWithARetryTime() throws Exception {
    long until = System.currentTimeMillis() + 30_000;
    String[] row;
    do {
      Thread.sleep(250);
      row = newest(COMMITTED);
    } while (row[1].equals("0") && System.currentTimeMillis() < until);

    assertTrue(row[0].equals("PENDING") || row[0].equals("SENDING"), row[0]);
    assertTrue(Integer.parseInt(row[1]) >= 1, "tried at least once: " + row[1]);
    assertNotNull(row[2], "why it failed is kept");
    assertTrue(!row[2].contains("@"), "without addresses: " + row[2]);
  }

  @Test
  @Order(3)
  @RunAsClient
  void whenTheServerComesBackTheMessageIsSentAndTheConsoleShowsItSent() throws Exception {
    try (TestSmtp smtp = TestSmtp.start()) {
      List<MimeMessage> received = smtp.awaitSubject(COMMITTED, 120_000);

      assertEquals(1, received.size(), "sent once");
      MimeMessage message = received.get(0);
      assertEquals("AASR <no-reply@localhost>", message.getHeader("From", null));
      Multipart parts = (Multipart) message.getContent();
      assertEquals(TEXT, parts.getBodyPart(0).getContent().toString().strip());
      assertEquals(HTML, parts.getBodyPart(1).getContent().toString().strip());
      assertTrue(smtp.withSubject(ROLLED_BACK).isEmpty(), "nothing for the rolled-back change");

      FormClient admin = new FormClient(new Site(base).uri("/"));
      admin.get("/admin/login");
      admin.submit(
          "login-form",
          "sign-in",
          Map.of(
              "email",
              System.getenv("AASR_ADMIN_EMAIL"),
              "password",
              System.getenv("AASR_ADMIN_PASSWORD")));
      Document outbox = admin.get("/admin/outbox");
      String row =
          outbox.select("#outbox-form\\:messages tbody tr").eachText().stream()
              .filter(r -> r.contains(COMMITTED))
              .findFirst()
              .orElseThrow();
      assertTrue(row.contains("volunteer@example.org") && row.contains("Sent"), row);
    }
  }

  private long count(String subject) throws Exception {
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT COUNT(*) FROM mail_outbox WHERE subject = ?")) {
      s.setString(1, subject);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Status, attempts and last error of the newest message with a subject. */
  private String[] newest(String subject) throws Exception {
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT status, attempts, last_error FROM mail_outbox WHERE subject = ?"
                    + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
      s.setString(1, subject);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
      }
    }
  }
}
