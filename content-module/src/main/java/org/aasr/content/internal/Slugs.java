package org.aasr.content.internal;

import java.text.Normalizer;
import java.util.Locale;

/** URL names made from titles: "My AASR Story: Jennifer" → "my-aasr-story-jennifer". */
final class Slugs {

  static final int MAX_LENGTH = 200;

  private Slugs() {}

  static String fromTitle(String title) {
    String ascii =
        Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
    }
    return slug;
  }

  static boolean isValid(String slug) {
    return slug != null && slug.length() <= MAX_LENGTH && slug.matches("[a-z0-9]+(?:-[a-z0-9]+)*");
  }
}
