package org.aasr.volunteers.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;
import org.aasr.volunteers.api.ShiftInfo;

/**
 * The emails this module sends, as plain Jakarta Mail messages for the web app's outbox (fired as a
 * CDI event in the transaction of the change; the outbox sets the sender). Plain text only: the
 * links are the point, and plain text cannot carry anything a volunteer typed as markup.
 */
final class VolunteerMail {

  /** Only carries the defaults for building a message; the outbox sends with its own session. */
  private static final Session BUILDING = Session.getInstance(new Properties());

  private VolunteerMail() {}

  /** The message that asks a new volunteer to confirm their address (double opt-in). */
  static MimeMessage confirmation(String to, String name, String link, int validHours) {
    String text =
        "Hello "
            + name
            + ",\n\n"
            + "Thank you for signing up to volunteer with the Alliance Against Seclusion &"
            + " Restraint.\n\n"
            + "Please confirm that this is your email address by opening this link within "
            + validHours
            + " hours:\n\n"
            + link
            + "\n\n"
            + "Until you do, nobody will contact you about volunteering. If you did not sign up,"
            + " ignore this email: nothing more will be sent to you.\n";
    return message(to, "Please confirm your email address", text);
  }

  /** The message to the first on a waitlist, who now has the place someone cancelled. */
  static MimeMessage placeFreed(String to, String name, String opportunity, ShiftInfo shift) {
    String text =
        "Hello "
            + name
            + ",\n\n"
            + "A place has freed up on a shift you were waiting for, and it is now yours:\n\n"
            + opportunity
            + "\n"
            + when(shift)
            + "\n\n"
            + "If you can no longer come, please tell our volunteer coordinator, so that the next"
            + " person waiting gets it.\n";
    return message(to, "You have a place: " + opportunity, text);
  }

  /**
   * The message to a (confirmed) volunteer whom a coordinator gave a place on a shift. Never sent
   * to someone who has not confirmed their address: the booking refuses them first.
   */
  static MimeMessage assigned(String to, String name, String opportunity, ShiftInfo shift) {
    String text =
        "Hello "
            + name
            + ",\n\n"
            + "Our volunteer coordinator has given you a place on this shift:\n\n"
            + opportunity
            + "\n"
            + when(shift)
            + "\n\n"
            + "If you cannot come, please reply to tell us, so that someone else can take the"
            + " place.\n";
    return message(to, "Your volunteer shift: " + opportunity, text);
  }

  /**
   * The shift's time in its own zone, e.g. "Saturday, December 12, 2026, 10:00 AM to 1:00 PM EST".
   */
  static String when(ShiftInfo shift) {
    DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy, h:mm a", Locale.US);
    DateTimeFormatter time = DateTimeFormatter.ofPattern("h:mm a zzz", Locale.US);
    return day.format(shift.localStart()) + " to " + time.format(shift.localEnd());
  }

  private static MimeMessage message(String to, String subject, String text) {
    try {
      MimeMessage message = new MimeMessage(BUILDING);
      InternetAddress address = new InternetAddress(to, true);
      message.setRecipient(MimeMessage.RecipientType.TO, address);
      message.setSubject(subject, "UTF-8");
      message.setText(text, "UTF-8");
      return message;
    } catch (AddressException e) {
      throw new IllegalArgumentException("Not an email address", e);
    } catch (MessagingException e) {
      throw new IllegalStateException("Cannot build the message", e);
    }
  }
}
