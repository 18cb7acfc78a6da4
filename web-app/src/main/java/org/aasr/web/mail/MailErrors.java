package org.aasr.web.mail;

import java.util.regex.Pattern;

/**
 * What a failed attempt may record: the kind of failure and the server's words, with every email
 * address taken out. SMTP servers like to quote the recipient ("550 5.1.1 &lt;jo@example.org&gt;:
 * no such user"), and the outbox keeps no personal data in its error column or the logs.
 */
final class MailErrors {

  private static final Pattern ADDRESS =
      Pattern.compile("[^\\s<>()\\[\\]\"',;:]+@[^\\s<>()\"',;]+");
  private static final int MAX = 500;

  private MailErrors() {}

  /** A short, address-free description of a failure, for the outbox's last-error column. */
  static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null && text.length() < MAX; t = t.getCause()) {
      if (text.length() > 0) {
        text.append(" / ");
      }
      text.append(t.getClass().getSimpleName());
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        text.append(": ").append(withoutAddresses(t.getMessage().strip()));
      }
      if (t.getCause() == t) {
        break;
      }
    }
    String flat = text.toString().replaceAll("\\s+", " ");
    return flat.length() <= MAX ? flat : flat.substring(0, MAX - 1) + "…";
  }

  static String withoutAddresses(String text) {
    return ADDRESS.matcher(text).replaceAll("[address]");
  }
}
