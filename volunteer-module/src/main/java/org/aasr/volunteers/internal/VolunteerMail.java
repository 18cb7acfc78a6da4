package org.aasr.volunteers.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
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

  /** The message that gives a confirmed volunteer their private link. */
  static MimeMessage privateLink(String to, String name, String link, String lostLinkPage) {
    return linkMessage(
        to,
        "Your private volunteer link",
        name,
        "Thank you for volunteering with the Alliance Against Seclusion & Restraint. This is your"
            + " private link:",
        link,
        "Open it to see your shifts, book or cancel a shift, change your details, download what we"
            + " hold about you, or ask us to forget you. There is no password: anyone with this"
            + " link can do these things, so keep it to yourself. If you think someone else has it,"
            + " open it and revoke it. A link we send you later replaces this one once you use the"
            + " new one to book, cancel or change something.",
        lostLinkPage);
  }

  /**
   * The message to a confirmed volunteer whose address was typed into the sign-up form again: what
   * was typed changed nothing, and their private link is where they change their details.
   */
  static MimeMessage signedUpAgain(String to, String name, String link, String lostLinkPage) {
    return linkMessage(
        to,
        "You are already signed up to volunteer",
        name,
        "Someone, perhaps you, has just signed up to volunteer with the Alliance Against Seclusion"
            + " & Restraint using this email address. You are already one of our volunteers, so we"
            + " have not changed anything.\n\n"
            + "To change your details, see your shifts or book one, open your private link:",
        link,
        "There is no password: anyone with this link can use it, so keep it to yourself. Once you"
            + " use it to book, cancel or change something, it replaces any link we sent you"
            + " before. If it was not you who signed up, you need do nothing.",
        lostLinkPage);
  }

  /** A message carrying a private link: what comes before it, the link, what comes after. */
  private static MimeMessage linkMessage(
      String to,
      String subject,
      String name,
      String before,
      String link,
      String after,
      String lostLinkPage) {
    String text =
        "Hello "
            + name
            + ",\n\n"
            + before
            + "\n\n"
            + link
            + "\n\n"
            + after
            + "\n\n"
            + "Lost this email? Ask for a new link at "
            + lostLinkPage
            + "\n";
    return message(to, subject, text);
  }

  /** The reminder of a booked shift, with the shift as an iCalendar attachment. */
  static MimeMessage reminder(
      String to, String name, String opportunity, String where, ShiftInfo shift, String ics) {
    String text =
        "Hello "
            + name
            + ",\n\n"
            + "A reminder that you have a place on this shift:\n\n"
            + opportunity
            + "\n"
            + when(shift)
            + "\n"
            + where
            + "\n\n"
            + "The attached file (shift.ics) adds it to your calendar. If you can no longer come,"
            + " please cancel through your private link, so that the next person waiting gets"
            + " your place.\n";
    try {
      MimeMessage message = new MimeMessage(BUILDING);
      message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
      message.setSubject("Reminder: " + opportunity + ", " + day(shift), "UTF-8");
      MimeBodyPart body = new MimeBodyPart();
      body.setText(text, "UTF-8");
      MimeBodyPart calendar = new MimeBodyPart();
      calendar.setContent(ics, "text/calendar; charset=UTF-8; method=PUBLISH");
      calendar.setFileName("shift.ics");
      calendar.setDisposition(MimeBodyPart.ATTACHMENT);
      MimeMultipart parts = new MimeMultipart("mixed");
      parts.addBodyPart(body);
      parts.addBodyPart(calendar);
      message.setContent(parts);
      message.saveChanges();
      return message;
    } catch (AddressException e) {
      throw new IllegalArgumentException("Not an email address", e);
    } catch (MessagingException e) {
      throw new IllegalStateException("Cannot build the message", e);
    }
  }

  /** The shift's day in its own zone, e.g. "Saturday, December 12". */
  static String day(ShiftInfo shift) {
    return DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US).format(shift.localStart());
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
