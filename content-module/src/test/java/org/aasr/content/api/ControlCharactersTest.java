package org.aasr.content.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {

  @Test
  void removesANulFromATitle() {
    assertEquals("A title", ControlCharacters.removeFromLine("A\u0000 title"));
  }

  @Test
  void removesEveryC0ControlButTurnsTabsAndBreaksIntoSpacesOnOneLine() {
    StringBuilder all = new StringBuilder("x");
    for (char c = 0; c < 0x20; c++) {
      all.append(c);
    }
    assertEquals("x   ", ControlCharacters.removeFromLine(all.append("").toString()));
  }

  @Test
  void removesDeleteAndEveryC1Control() {
    StringBuilder all = new StringBuilder("a");
    for (char c = 0x7F; c <= 0x9F; c++) {
      all.append(c);
    }
    assertEquals("ab", ControlCharacters.removeFromText(all.append('b').toString()));
  }

  @Test
  void keepsTabsAndLineBreaksInTextAsNewlines() {
    assertEquals(
        "one\ntwo\nthree\tfour", ControlCharacters.removeFromText("one\r\ntwo\rthree\tfour\u001B"));
  }

  @Test
  void oneLineNeverKeepsALineBreak() {
    assertEquals("one two", ControlCharacters.removeFromLine("one\r\ntwo"));
  }

  @Test
  void removesLoneSurrogatesButKeepsPairs() {
    String emoji = "\uD83D\uDE00"; // a grinning face, a valid pair
    assertEquals(
        "a" + emoji + "b",
        ControlCharacters.removeFromText("\uDE00a\uD83D" + emoji + "\uD83Db\uDE00"));
  }

  @Test
  void removesTheNonCharactersFffeAndFfff() {
    assertEquals("ab", ControlCharacters.removeFromLine("a\uFFFEb\uFFFF"));
  }

  @Test
  void keepsEveryOtherCharacterAndDoesNotCopyCleanText() {
    String clean = "Café – “quotes”, émoji \uD83D\uDE00, Ελληνικά, 中文, U+00A0:\u00A0.";
    assertSame(clean, ControlCharacters.removeFromLine(clean));
    assertSame(clean, ControlCharacters.removeFromText(clean));
  }

  @Test
  void nullStaysNull() {
    assertNull(ControlCharacters.removeFromLine(null));
    assertNull(ControlCharacters.removeFromText(null));
  }
}
