package org.aasr.web.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The password rule (NIST SP 800-63B): long, not common, not trivial; any characters. */
class PasswordPolicyTest {

  private static String why(String password) {
    return PasswordPolicy.problem(password, "editor@aasr.test").orElse("accepted");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"password1234", "Password1234", "123456789012", "qwertyuiop123", "iloveyou1234"})
  void refusesCommonAndBreachedPasswords(String password) {
    assertTrue(why(password).contains("most common passwords"), password + ": " + why(password));
  }

  @ParameterizedTest
  @ValueSource(strings = {"aaaaaaaaaaaa", "password1234", "123456789012"})
  void refusesTheWeakPasswordsTheAttackUsed(String password) {
    assertTrue(PasswordPolicy.problem(password, null).isPresent(), password);
  }

  @ParameterizedTest
  @ValueSource(strings = {"qzqzqzqzqzqzqz", "kwjkwjkwjkwjkwj", "vvvvvvvvvvvvvvvvv", "xyxyyxyxxyxy"})
  void refusesRepeatsOfAFewCharacters(String password) {
    assertTrue(why(password).contains("repeats the same few characters"), why(password));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abcdefghijklmn",
        "98765432109876",
        "asdfghjklzxcv",
        "zyxwvutsrqponm",
        "1qaz2wsx3edc4rfv"
      })
  void refusesRunsAlongTheAlphabetDigitsOrKeyboard(String password) {
    assertTrue(
        why(password).contains("simple run") || why(password).contains("most common"),
        password + ": " + why(password));
  }

  @Test
  void refusesTheAccountsOwnAddress() {
    assertEquals(
        "Your password cannot contain your email address.", why("my editor@aasr.test pass"));
  }

  @Test
  void refusesTooShortAndTooLongWithTheLimits() {
    assertTrue(why("short one").contains("at least 12 characters"));
    assertTrue(why("x".repeat(60) + "y".repeat(69)).contains("at most 128 characters"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "test-only admin password 1",
        "correct horse battery staple",
        "Ünïcödé pässphrase ✓",
        "tR7#pQ9!vL2@",
      })
  void acceptsPassphrasesAndRandomPasswords(String password) {
    assertEquals(Optional.empty(), PasswordPolicy.problem(password, "editor@aasr.test"));
  }

  @Test
  void theShippedListCoversEveryPasswordTheLengthRuleLetsThrough() {
    assertEquals(PasswordPolicy.MIN_LENGTH, PasswordPolicy.LIST_MIN_LENGTH);
    assertTrue(PasswordPolicy.listSize() > 12_000, "list size " + PasswordPolicy.listSize());
  }

  @Test
  void oneTimePasswordsPassTheRule() {
    for (int i = 0; i < 200; i++) {
      assertEquals(
          Optional.empty(), PasswordPolicy.problem(FirstAdministrator.oneTimePassword(), null));
    }
  }
}
