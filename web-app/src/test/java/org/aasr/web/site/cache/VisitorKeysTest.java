package org.aasr.web.site.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A kept form gets a new key in every answer, and its placeholder never leaves the server. */
class VisitorKeysTest {

  private static final Pattern KEY = Pattern.compile("value=\"([0-9a-f-]{36})\"");

  private final String placeholder = VisitorKeys.random();

  private byte[] page(String... keys) {
    StringBuilder html = new StringBuilder("<p>Donner à l’AASR</p>");
    for (String key : keys) {
      html.append("<form><input type=\"hidden\" name=\"formKey\" value=\"")
          .append(key)
          .append("\"/></form>");
    }
    return html.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void findsThePlaceholderAsBytesAfterMultiByteCharacters() {
    byte[] body = page(placeholder, placeholder);
    int[] offsets = PageCacheFilter.offsets(body, placeholder);
    assertEquals(2, offsets.length);
    for (int offset : offsets) {
      assertEquals(
          placeholder, new String(body, offset, VisitorKeys.LENGTH, StandardCharsets.US_ASCII));
    }
    assertArrayEquals(new int[0], PageCacheFilter.offsets(page("no-key-here"), placeholder));
  }

  @Test
  void everyAnswerGetsItsOwnKeysAndNeverThePlaceholder() {
    byte[] kept = page(placeholder);
    int[] offsets = PageCacheFilter.offsets(kept, placeholder);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String answer =
          new String(PageCacheFilter.withFreshKeys(kept, offsets), StandardCharsets.UTF_8);
      assertFalse(answer.contains(placeholder));
      Matcher key = KEY.matcher(answer);
      assertTrue(key.find(), answer);
      assertTrue(seen.add(key.group(1)), "a key was given twice");
      assertEquals(
          answer.replace(key.group(1), placeholder), new String(kept, StandardCharsets.UTF_8));
    }
    assertEquals(
        new String(kept, StandardCharsets.UTF_8),
        new String(page(placeholder), StandardCharsets.UTF_8));
  }

  @Test
  void aKeyHasThePlaceholdersLength() {
    assertEquals(VisitorKeys.LENGTH, VisitorKeys.random().length());
    assertNotEquals(VisitorKeys.random(), VisitorKeys.random());
  }
}
