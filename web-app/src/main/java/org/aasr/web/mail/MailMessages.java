package org.aasr.web.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.List;
import java.util.Properties;

/**
 * Builds the messages the outbox takes: a plain-text body, an optional HTML alternative, optional
 * attachments (such as an {@code .ics} invitation). A feature module, which cannot use this class,
 * copies the pattern: it is plain Jakarta Mail.
 *
 * <p>Usage, inside the transaction of the change that causes the message:
 *
 * <pre>{@code
 * @Inject Event<MimeMessage> mail;
 * ...
 * mail.fire(MailMessages.of("jo@example.org", "Thank you for your gift", text, html));
 * }</pre>
 *
 * <p>Leave the sender out: the outbox sets {@code AASR_MAIL_FROM}.
 */
public final class MailMessages {

  /**
   * The session only carries the defaults for building a message; the outbox sends with its own.
   */
  private static final Session BUILDING = Session.getInstance(new Properties());

  private static final String UTF_8 = "UTF-8";

  private MailMessages() {}

  /**
   * A message to one person, in plain text with an HTML alternative.
   *
   * @param to the recipient's address
   * @param subject the subject
   * @param text the plain-text body, always present (some people and programs read only that)
   * @param html the same in HTML, or null for plain text only
   * @throws IllegalArgumentException when the address is not a valid one
   */
  public static MimeMessage of(String to, String subject, String text, String html) {
    return of(to, subject, text, html, List.of());
  }

  /**
   * A message to one person with attachments (see {@link #attachment}).
   *
   * @throws IllegalArgumentException when the address is not a valid one
   */
  public static MimeMessage of(
      String to, String subject, String text, String html, List<MimeBodyPart> attachments) {
    try {
      MimeMessage message = new MimeMessage(BUILDING);
      message.setRecipient(MimeMessage.RecipientType.TO, address(to));
      message.setSubject(subject, "UTF-8");
      if (html == null && attachments.isEmpty()) {
        message.setText(text, UTF_8);
      } else if (attachments.isEmpty()) {
        message.setContent(alternative(text, html));
      } else {
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        if (html == null) {
          body.setText(text, UTF_8);
        } else {
          body.setContent(alternative(text, html));
        }
        mixed.addBodyPart(body);
        for (MimeBodyPart attachment : attachments) {
          mixed.addBodyPart(attachment);
        }
        message.setContent(mixed);
      }
      message.saveChanges();
      return message;
    } catch (MessagingException e) {
      throw new IllegalStateException("Could not build a mail message", e);
    }
  }

  /**
   * An attachment.
   *
   * @param fileName the name the recipient sees, e.g. {@code event.ics}
   * @param contentType its type, e.g. {@code text/calendar; charset=UTF-8; method=REQUEST}
   * @param bytes its content
   */
  public static MimeBodyPart attachment(String fileName, String contentType, byte[] bytes) {
    try {
      MimeBodyPart part = new MimeBodyPart();
      part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, contentType)));
      part.setFileName(fileName);
      part.setDisposition(MimeBodyPart.ATTACHMENT);
      return part;
    } catch (MessagingException e) {
      throw new IllegalStateException("Could not build an attachment", e);
    }
  }

  private static InternetAddress address(String to) {
    try {
      InternetAddress address = new InternetAddress(to, true);
      address.validate();
      return address;
    } catch (jakarta.mail.internet.AddressException e) {
      throw new IllegalArgumentException("Not a valid email address.", e);
    }
  }

  /** Text first and HTML second: a mail program shows the last one it can. */
  private static MimeMultipart alternative(String text, String html) throws MessagingException {
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(text, UTF_8);
    alternative.addBodyPart(plain);
    MimeBodyPart rich = new MimeBodyPart();
    rich.setText(html, UTF_8, "html");
    alternative.addBodyPart(rich);
    return alternative;
  }
}
