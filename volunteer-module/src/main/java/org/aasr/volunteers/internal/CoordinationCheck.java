package org.aasr.volunteers.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks of what coordinators type: plain text of a bounded length without control characters
 * (markup is kept as text and escaped wherever it is shown), and opportunity addresses.
 */
final class CoordinationCheck {

  static final int SLUG_MAX = 120;
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  private CoordinationCheck() {}

  /**
   * The text trimmed, or null when empty; puts a message for the field into {@code errors} when it
   * is required and empty, too long, or holds control characters (line breaks only if multiline).
   */
  static String text(
      String value,
      String field,
      String what,
      int max,
      boolean required,
      boolean multiline,
      Map<String, String> errors) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      if (required) {
        errors.put(field, "Enter " + what + ".");
      }
      return null;
    }
    if (text.codePointCount(0, text.length()) > max) {
      errors.put(field, "Shorten " + what + " to " + max + " characters at most.");
      return null;
    }
    boolean control =
        text.codePoints()
            .anyMatch(
                c ->
                    Character.getType(c) == Character.CONTROL
                            && !(multiline && (c == '\n' || c == '\r' || c == '\t'))
                        || Character.getType(c) == Character.FORMAT && c != 0x200D);
    if (control) {
      errors.put(field, "Remove the invisible control characters from " + what + ".");
      return null;
    }
    return multiline ? text.replace("\r\n", "\n") : text;
  }

  /** An address made from a title: "Event support (Ohio)" → "event-support-ohio". */
  static String slugFrom(String title) {
    String ascii =
        Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > SLUG_MAX) {
      slug = slug.substring(0, SLUG_MAX).replaceAll("-+$", "");
    }
    return slug;
  }

  static boolean validSlug(String slug) {
    return slug != null && slug.length() <= SLUG_MAX && SLUG.matcher(slug).matches();
  }
}
