package org.aasr.web.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;

/**
 * Hands stored messages to the SMTP server of {@link MailSettings}, with Jakarta Mail. One
 * connection serves a whole batch, so that a server that is down costs one timeout per poll, not
 * one per message.
 */
final class SmtpSender {

  /** Bounds on each step, so that a hung server cannot hold a claimed batch past its claim. */
  static final int CONNECT_TIMEOUT_MS = 10_000;

  static final int READ_WRITE_TIMEOUT_MS = 30_000;

  private final MailSettings settings;
  private final Session session;

  SmtpSender(MailSettings settings) {
    this.settings = settings;
    Properties smtp = new Properties();
    smtp.put("mail.transport.protocol", "smtp");
    smtp.put("mail.smtp.host", settings.host().orElseThrow());
    smtp.put("mail.smtp.port", String.valueOf(settings.port()));
    smtp.put("mail.smtp.auth", String.valueOf(settings.username().isPresent()));
    // STARTTLS required, not merely tried: a server that does not offer it is refused rather than
    // sent a password and personal data in clear.
    smtp.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
    smtp.put("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
    smtp.put("mail.smtp.ssl.checkserveridentity", "true");
    smtp.put("mail.smtp.connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
    smtp.put("mail.smtp.timeout", String.valueOf(READ_WRITE_TIMEOUT_MS));
    smtp.put("mail.smtp.writetimeout", String.valueOf(READ_WRITE_TIMEOUT_MS));
    this.session = Session.getInstance(smtp);
  }

  /** Connects to the server, signing in when a username is set. */
  Transport connect() throws MessagingException {
    Transport transport = session.getTransport("smtp");
    transport.connect(
        settings.host().orElseThrow(),
        settings.port(),
        settings.username().orElse(null),
        settings.password().orElse(null));
    return transport;
  }

  /**
   * Sends one claimed message over an open connection, from {@code AASR_MAIL_FROM} if it names no
   * sender.
   */
  void send(Transport transport, Outbox.Claim claim) throws MessagingException {
    MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(claim.content()));
    if (message.getFrom() == null) {
      message.setFrom(new InternetAddress(settings.from()));
    }
    transport.sendMessage(message, InternetAddress.parse(claim.recipients()));
  }
}
