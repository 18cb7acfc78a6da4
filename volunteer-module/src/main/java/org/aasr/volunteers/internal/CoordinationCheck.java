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

  /** {@link SignUpCheck#text}, with a multiline text's line breaks stored as {@code \n}. */
  static String text(
      String value,
      String field,
      String what,
      int max,
      boolean required,
      boolean multiline,
      Map<String, String> errors) {
    String text = SignUpCheck.text(value, field, what, max, required, multiline, errors);
    return text != null && multiline ? text.replace("\r\n", "\n") : text;
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
