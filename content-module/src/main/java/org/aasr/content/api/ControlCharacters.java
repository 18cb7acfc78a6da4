package org.aasr.content.api;

/**
 * The one rule for characters that stored text may not hold: C0 and C1 control characters (a NUL,
 * an escape, …), lone halves of surrogate pairs, and the non-characters U+FFFE and U+FFFF. None of
 * them is visible or meaningful in a story, and XML 1.0 forbids most of them, so one of them in a
 * title made the Atom feed fail for every reader.
 *
 * <p>The content module removes them from every text field when it is saved, and from what it reads
 * back, so that content stored before the rule (or by SQL) cannot break a page either; the feed and
 * the sitemap apply it once more to everything they write. Removing rather than refusing is
 * deliberate: such characters arrive by pasting from other programs, and the editor could not see
 * what to fix.
 *
 * <pre>{@code
 * ControlCharacters.removeFromLine("A\u0000title\tnow")   // "Atitle now"
 * ControlCharacters.removeFromText("one\r\ntwo\u0007")    // "one\ntwo"
 * }</pre>
 */
public final class ControlCharacters {

  private ControlCharacters() {}

  /**
   * Text for a one-line field (a title, a name, an address): every control character goes, and a
   * tab or line break becomes a space, so that words on either side stay apart.
   *
   * @return the text without them; null for null
   */
  public static String removeFromLine(String text) {
    return clean(text, false);
  }

  /**
   * Text that may run over several lines (a story's text, an excerpt, a description): tabs and line
   * breaks stay, as {@code \n} ({@code \r\n} and a lone {@code \r} become {@code \n}); every other
   * control character goes.
   *
   * @return the text without them; null for null
   */
  public static String removeFromText(String text) {
    return clean(text, true);
  }

  private static String clean(String text, boolean multiline) {
    if (text == null) {
      return null;
    }
    int length = text.length();
    int i = 0;
    while (i < length && allowed(text, i) && !isBreakOrTab(text.charAt(i))) {
      i++;
    }
    if (i == length) {
      return text; // the common case: nothing to do, nothing copied
    }
    StringBuilder out = new StringBuilder(length).append(text, 0, i);
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        if (i + 1 < length && text.charAt(i + 1) == '\n') {
          i++;
        }
        out.append(multiline ? '\n' : ' ');
      } else if (c == '\n' || c == '\t') {
        out.append(multiline ? c : ' ');
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (allowed(text, i)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isBreakOrTab(char c) {
    return c == '\r' || c == '\n' || c == '\t';
  }

  /** Whether the character at {@code i} may stay (tab and line breaks are handled apart). */
  private static boolean allowed(String text, int i) {
    char c = text.charAt(i);
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF) {
      return false;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
    return true;
  }
}
