package org.aasr.content.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {

  @Test
  void makesASlugFromATitle() {
    assertEquals(
        "my-aasr-story-jennifer-abbanat", Slugs.fromTitle("My AASR Story: Jennifer Abbanat"));
  }

  @Test
  void dropsAccentsAndPunctuation() {
    assertEquals("ecole-a-montreal-2026", Slugs.fromTitle("  École à Montréal — 2026!  "));
  }

  @Test
  void staysWithinTheMaximumLength() {
    String slug = Slugs.fromTitle("word ".repeat(100));

    assertTrue(slug.length() <= Slugs.MAX_LENGTH);
    assertTrue(Slugs.isValid(slug));
  }

  @Test
  void rejectsSlugsThatAreNotLowerCaseWordsJoinedByHyphens() {
    assertFalse(Slugs.isValid("Capital"));
    assertFalse(Slugs.isValid("two--hyphens"));
    assertFalse(Slugs.isValid("trailing-"));
    assertFalse(Slugs.isValid(""));
  }
}
