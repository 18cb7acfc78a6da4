package org.aasr.donations.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The tokens of the private links sent to donors (a monthly gift's cancel link): 256 random bits
 * from {@link SecureRandom}, written in URL-safe Base64 (43 characters), stored only as their
 * SHA-256. A hash without salt is enough here: the token is random and long, so there is no
 * dictionary to try against a stolen hash. A copy of the volunteer module's: modules share no
 * internals.
 */
final class Tokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private Tokens() {}

  /** A new token, to put in a link and never store. */
  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether a text has the shape of a token; anything else is not looked up at all. */
  static boolean wellFormed(String token) {
    return token != null && SHAPE.matcher(token).matches();
  }

  /** What the database keeps of a token: its SHA-256, in hexadecimal. */
  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
  }
}
