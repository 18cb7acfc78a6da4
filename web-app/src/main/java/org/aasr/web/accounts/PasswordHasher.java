package org.aasr.web.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Hashes and checks staff passwords with the platform's PBKDF2 (Jakarta Security), using
 * HMAC-SHA-512 at 210,000 iterations and a 32-byte random salt, as OWASP recommends. Each hash
 * records its own parameters, so raising them later leaves old hashes readable.
 */
@ApplicationScoped
public class PasswordHasher {

  @Inject Pbkdf2PasswordHash pbkdf2;

  /** PBKDF2 rounds for new hashes; lowered only by the component tests, for speed. */
  int iterations = 210_000;

  /**
   * A hash of a password no one has, checked for unknown accounts so they take as long; made on
   * first use rather than at start, where it cost a second of start-up.
   */
  private volatile String decoy;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
  }

  public String hash(String password) {
    return pbkdf2.generate(password.toCharArray());
  }

  public boolean matches(String password, String hash) {
    return pbkdf2.verify(password.toCharArray(), hash);
  }

  /** Spends the time of one check, for an account that does not exist. */
  public void checkDecoy(String password) {
    pbkdf2.verify(password.toCharArray(), decoy());
  }

  private String decoy() {
    String made = decoy;
    if (made == null) {
      synchronized (this) {
        made = decoy;
        if (made == null) {
          made = pbkdf2.generate("decoy password that is never used".toCharArray());
          decoy = made;
        }
      }
    }
    return made;
  }
}
