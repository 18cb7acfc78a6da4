package org.aasr.donations.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.aasr.donations.api.Dedication;
import org.aasr.donations.api.Frequency;
import org.aasr.donations.api.Money;

/**
 * Builds the emails a donor gets: the pledge acknowledgement with the fundraiser's instructions,
 * and the receipt once the money is confirmed. Plain text, which every mail client shows and reads
 * aloud well. No sender is set: the outbox gives its own ({@code AASR_MAIL_FROM}).
 *
 * <p>The acknowledgement wording (the US "no goods or services" sentence, or a Canadian receipt's)
 * is the fundraiser's receipt text, which staff edit; nothing legal is hard-coded here.
 */
final class ReceiptMail {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

  /** Where a monthly gift's private link leads; the web app routes it. */
  static final String MONTHLY_PATH = "/donate/monthly/";

  private ReceiptMail() {}

  static MimeMessage pledge(Donation d, DonationSettings settings) {
    StringBuilder text = new StringBuilder();
    text.append("Dear ").append(d.getDonorName()).append(",\n\n");
    text.append("Thank you for pledging a gift to ")
        .append(d.getCampaign().getName())
        .append(".\n\n");
    details(text, d);
    text.append("\nHow to send your gift:\n")
        .append(d.getCampaign().getPledgeInstructions())
        .append("\n\nWe will send your receipt when your gift arrives.\n");
    cancelLink(text, d, settings);
    text.append('\n').append(settings.organisation()).append('\n');
    return message(d.getDonorEmail(), "Your pledge to " + settings.organisation(), text.toString());
  }

  static MimeMessage receipt(Donation d, DonationSettings settings) {
    StringBuilder text = new StringBuilder();
    text.append(settings.organisation()).append("\n\n");
    text.append("Dear ").append(d.getDonorName()).append(",\n\n");
    text.append("Thank you for your gift to ").append(d.getCampaign().getName()).append(".\n\n");
    text.append("Receipt number: ").append(d.getReceiptNumber()).append('\n');
    text.append("Date received: ").append(DATE.format(d.getConfirmedAt())).append('\n');
    details(text, d);
    text.append('\n').append(d.getCampaign().getReceiptText()).append("\n\n");
    text.append("Please keep this receipt for your records.\n");
    cancelLink(text, d, settings);
    return message(
        d.getDonorEmail(),
        "Your receipt " + d.getReceiptNumber() + " from " + settings.organisation(),
        text.toString());
  }

  /**
   * A monthly gift's private link to stop it, with a new token whose hash this row keeps (in the
   * caller's transaction): the token itself is only ever in this email.
   */
  private static void cancelLink(StringBuilder text, Donation d, DonationSettings settings) {
    if (d.getFrequency() != Frequency.MONTHLY || d.getCancelledAt() != null) {
      return;
    }
    String token = Tokens.newToken();
    d.setCancelTokenHash(Tokens.hash(token));
    text.append("\nTo stop your monthly gift at any time, open this private link (keep it to")
        .append(" yourself):\n")
        .append(settings.siteUrl())
        .append(MONTHLY_PATH)
        .append(token)
        .append('\n');
  }

  /** Tells the donor their monthly gift is stopped. */
  static MimeMessage cancelled(Donation d, DonationSettings settings) {
    Money amount = Money.of(d.getAmountMinor(), Currency.getInstance(d.getCurrency()));
    String text =
        "Dear "
            + d.getDonorName()
            + ",\n\nYour monthly gift of "
            + amount.format(Locale.US)
            + " to "
            + d.getCampaign().getName()
            + " is cancelled: no further gift will be taken. The months you have given stay"
            + " with the fundraiser, and their receipts remain valid.\n\nThank you for your"
            + " support. If you did not ask for this, please write to us.\n\n"
            + settings.organisation()
            + '\n';
    return message(
        d.getDonorEmail(),
        "Your monthly gift to " + settings.organisation() + " is cancelled",
        text);
  }

  /**
   * Tells the person a gift is dedicated to that someone gave in their honour or memory: never the
   * amount, and the donor's name only when they did not give anonymously.
   */
  static MimeMessage dedication(Donation d, DonationSettings settings) {
    String donor = d.isAnonymous() ? "Someone who chose to stay anonymous" : d.getDonorName();
    String why =
        d.getDedication() == Dedication.MEMORY
            ? "in memory of " + d.getDedicatedTo()
            : "in honour of " + d.getDedicatedTo();
    String text =
        "Hello,\n\n"
            + donor
            + " has made a gift to "
            + d.getCampaign().getName()
            + " "
            + why
            + ", and asked us to let you know.\n\nThe gift supports the work of "
            + settings.organisation()
            + " for the safety and dignity of children.\n\n"
            + settings.organisation()
            + '\n';
    return message(d.getNotifyEmail(), "A gift " + why, text);
  }

  private static void details(StringBuilder text, Donation d) {
    Currency currency = Currency.getInstance(d.getCurrency());
    Money amount = Money.of(d.getAmountMinor(), currency);
    text.append("Gift: ").append(amount.format(Locale.US));
    text.append(d.getFrequency() == Frequency.MONTHLY ? ", every month\n" : ", one-time\n");
    if (d.getFeeMinor() > 0) {
      text.append("Processing fee you covered: ")
          .append(Money.of(d.getFeeMinor(), currency).format(Locale.US))
          .append('\n');
    }
    text.append("Fundraiser: ").append(d.getCampaign().getName()).append('\n');
    if (d.getDedication() != Dedication.NONE) {
      text.append(d.getDedication().label()).append(' ').append(d.getDedicatedTo()).append('\n');
    }
  }

  private static MimeMessage message(String to, String subject, String text) {
    try {
      MimeMessage message = new MimeMessage((Session) null);
      message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
      message.setSubject(subject, StandardCharsets.UTF_8.name());
      message.setText(text, StandardCharsets.UTF_8.name());
      return message;
    } catch (MessagingException e) {
      // The address was checked when the form was accepted; failing here is a bug, not input.
      throw new IllegalStateException("Could not build the donation email", e);
    }
  }
}
