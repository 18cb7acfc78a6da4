package org.aasr.web.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Which passwords staff may choose, after NIST SP 800-63B (5.1.1.2): long enough, and not one that
 * attackers try first. No composition rules (a digit, a capital…) and no expiry, which NIST advises
 * against; any characters, spaces included, so that a passphrase works.
 *
 * <p>Refused, each with a message that says why: fewer than {@value #MIN_LENGTH} or more than
 * {@value #MAX_LENGTH} characters; one of the commonly used or breached passwords shipped with the
 * application ({@code common-passwords.txt.gz}, see its NOTICE), compared without regard to case;
 * one character or a short group repeated ({@code aaaaaaaaaaaa}, {@code abcabcabcabc}); a run along
 * the alphabet, the digits or a keyboard row ({@code 123456789012}, {@code qwertyuiopas}); the
 * person's own email address.
 *
 * <p>The same rule holds for every password a person chooses: their own (the password page) and the
 * first administrator's from {@code AASR_ADMIN_PASSWORD}. One-time passwords are random.
 */
public final class PasswordPolicy {

  /** The shortest password accepted. */
  public static final int MIN_LENGTH = 12;

  /** The longest password accepted (PBKDF2 hashes any length; this bounds the work). */
  public static final int MAX_LENGTH = 128;

  /** The list keeps only entries this long: shorter ones are refused by length already. */
  static final int LIST_MIN_LENGTH = 12;

  private static final String LIST = "common-passwords.txt.gz";

  /** Runs that a password may not simply follow, forwards or backwards. */
  private static final List<String> SEQUENCES =
      List.of(
          "abcdefghijklmnopqrstuvwxyz",
          "0123456789",
          "qwertyuiopasdfghjklzxcvbnm",
          "qwertzuiopasdfghjklyxcvbnm",
          "azertyuiopqsdfghjklmwxcvbn",
          "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
          "!@#$%^&*()_+");

  private PasswordPolicy() {}

  /**
   * Why a password cannot be used, or empty when it can.
   *
   * @param password the password chosen
   * @param email the address of the account it is for, or null
   */
  public static Optional<String> problem(String password, String email) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("Choose a password of at least " + MIN_LENGTH + " characters.");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("Choose a password of at most " + MAX_LENGTH + " characters.");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (CommonPasswords.SET.contains(lower)) {
      return Optional.of(
          "This is one of the most common passwords, which attackers try first. Choose another;"
              + " a few unrelated words make a strong one.");
    }
    if (isRepetition(lower)) {
      return Optional.of(
          "This password only repeats the same few characters. Choose one that is harder to"
              + " guess.");
    }
    if (isRun(lower)) {
      return Optional.of(
          "This password is a simple run of letters, digits or keys (like 123456 or qwerty)."
              + " Choose one that is harder to guess.");
    }
    if (email != null
        && !email.isBlank()
        && lower.contains(email.trim().toLowerCase(Locale.ROOT))) {
      return Optional.of("Your password cannot contain your email address.");
    }
    return Optional.empty();
  }

  /** One unit of at most half the length, repeated: aaaa…, abab…, abcabc…, 1212…. */
  static boolean isRepetition(String text) {
    int n = text.length();
    for (int unit = 1; unit <= n / 2; unit++) {
      if (n % unit == 0 && text.substring(0, unit).repeat(n / unit).equals(text)) {
        return true;
      }
    }
    return text.chars().distinct().count() <= 2;
  }

  /** Follows one of the {@link #SEQUENCES}, forwards or backwards, wrapping around. */
  static boolean isRun(String text) {
    for (String sequence : SEQUENCES) {
      String cycle = sequence.repeat(1 + text.length() / sequence.length() + 1);
      if (cycle.contains(text) || new StringBuilder(cycle).reverse().toString().contains(text)) {
        return true;
      }
    }
    return false;
  }

  /** The list, read once, on first use. */
  private static final class CommonPasswords {
    static final Set<String> SET = load();

    private static Set<String> load() {
      try (InputStream raw = PasswordPolicy.class.getResourceAsStream(LIST)) {
        if (raw == null) {
          throw new IllegalStateException("The list of common passwords is missing: " + LIST);
        }
        Set<String> set = new HashSet<>(16_384);
        try (BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
          lines.lines().map(l -> l.toLowerCase(Locale.ROOT)).forEach(set::add);
        }
        return Set.copyOf(set);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the list of common passwords", e);
      }
    }
  }

  /** How many passwords the shipped list holds (for the tests and the README's figure). */
  static int listSize() {
    return CommonPasswords.SET.size();
  }
}
