package org.aasr.web.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.aasr.web.audit.AuditLog;
import org.aasr.web.audit.ConsoleAction;

/**
 * Staff accounts: sign-in checks with lock-out, password changes, creation.
 *
 * <p>A sign-in that fails for any reason (unknown address, wrong password, locked or deactivated
 * account) looks the same from outside, and takes as long, so that nobody can learn which addresses
 * have accounts. The audit log keeps the real reason. After {@value #LOCK_AFTER} failed sign-ins in
 * a row an account is locked for {@link #LOCK_FOR}; the lock is kept in the database, so it holds
 * on every instance of a cluster.
 */
@ApplicationScoped
@Transactional
public class AccountService {

  /** Failed sign-ins in a row after which an account is locked. */
  public static final int LOCK_AFTER = 5;

  /** How long a locked account stays locked. */
  public static final Duration LOCK_FOR = Duration.ofMinutes(15);

  /** The shortest password the console accepts (see {@link PasswordPolicy}). */
  public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;

  @PersistenceContext(unitName = "admin")
  EntityManager em;

  @Inject PasswordHasher hasher;
  @Inject AuditLog audit;
  @Inject SecurityContext security;

  /** The time, replaceable in tests (lock-out expiry). */
  Clock clock = Clock.systemUTC();

  /**
   * The outcome of a sign-in: the account when it succeeded, nothing otherwise.
   *
   * <p>Safe under any number of simultaneous attempts on one account: each failure is counted by
   * one atomic statement and the lock set by another in the same transaction, and success is
   * granted by a statement that checks, at that instant, that the account is unlocked and has not
   * changed since it was read (its credential version: not deactivated, no new password). None of
   * them uses the entity's optimistic lock, so no attempt fails on a concurrent one, and every
   * attempt has its audit entry.
   */
  public Optional<Account> signIn(String email, String password) {
    LocalDateTime now = now();
    Optional<AdminUser> found = find(email);
    if (found.isEmpty()) {
      hasher.checkDecoy(password);
      audit.record(normalise(email), ConsoleAction.SIGN_IN_REFUSED, null, "no such account");
      return Optional.empty();
    }
    AdminUser user = found.get();
    boolean passwordMatches = hasher.matches(password, user.getPasswordHash());
    String refusal;
    if (!user.isActive()) {
      refusal = "account deactivated";
    } else if (user.isLockedAt(now)) {
      refusal = LOCKED;
    } else if (passwordMatches) {
      int granted =
          em.createNamedQuery("AdminUser.signedIn")
              .setParameter("id", user.getId())
              .setParameter("now", now)
              .setParameter("version", user.getCredentialVersion())
              .executeUpdate();
      if (granted == 1) {
        audit.record(user.getEmail(), ConsoleAction.SIGNED_IN, user.getEmail(), "signed in");
        return Optional.of(toAccount(user));
      }
      refusal = "account locked or changed during the sign-in";
    } else {
      refusal = countFailure(user, now);
    }
    audit.record(user.getEmail(), ConsoleAction.SIGN_IN_REFUSED, user.getEmail(), refusal);
    return Optional.empty();
  }

  private static final String LOCKED = "account locked after repeated failures";

  /** Counts a wrong password, locking the account at the {@value #LOCK_AFTER}th in a row. */
  private String countFailure(AdminUser user, LocalDateTime now) {
    int counted =
        em.createNamedQuery("AdminUser.countFailure")
            .setParameter("id", user.getId())
            .setParameter("now", now)
            .executeUpdate();
    if (counted == 0) {
      return LOCKED; // locked by a concurrent attempt since it was read
    }
    int locked =
        em.createNamedQuery("AdminUser.lockAfterFailures")
            .setParameter("id", user.getId())
            .setParameter("until", now.plus(LOCK_FOR))
            .setParameter("lockAfter", LOCK_AFTER)
            .executeUpdate();
    return locked == 1
        ? "wrong password; account locked for " + LOCK_FOR.toMinutes() + " minutes"
        : "wrong password";
  }

  /**
   * The credential version of an active account (see {@code AdminUser}): a session signed in with
   * another value, or for an account that is no longer active, must end. Empty for an unknown or
   * deactivated account.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public OptionalInt credentialVersion(String email) {
    return find(email)
        .filter(AdminUser::isActive)
        .map(u -> OptionalInt.of(u.getCredentialVersion()))
        .orElse(OptionalInt.empty());
  }

  /** Records that a session was ended by the console, not by the person, and why. */
  public void sessionEnded(String email, String reason) {
    audit.record(normalise(email), ConsoleAction.SESSION_ENDED, normalise(email), reason);
  }

  /** Records that someone signed out. */
  public void signedOut(String email) {
    audit.record(normalise(email), ConsoleAction.SIGNED_OUT, normalise(email), "signed out");
  }

  /** An account by its email address (in any case). */
  public Optional<Account> account(String email) {
    return find(email).map(AccountService::toAccount);
  }

  /** How many accounts there are. */
  public long count() {
    return em.createNamedQuery("AdminUser.count", Long.class).getSingleResult();
  }

  /**
   * Changes a person's own password after checking the current one.
   *
   * <p>The account's other sessions end (its credential version changes); the caller keeps the
   * session they changed it in by taking up the new {@link #credentialVersion}.
   *
   * @return false when the current password is wrong, in which case nothing changed
   * @throws IllegalArgumentException when the new password breaks {@link PasswordPolicy}, with a
   *     message that says why
   */
  public boolean changePassword(String email, String currentPassword, String newPassword) {
    AdminUser user =
        find(email).orElseThrow(() -> new IllegalStateException("no account " + email));
    Optional<String> weak = PasswordPolicy.problem(newPassword, user.getEmail());
    if (weak.isPresent()) {
      throw new IllegalArgumentException(weak.get());
    }
    if (!hasher.matches(currentPassword, user.getPasswordHash())) {
      audit.record(
          user.getEmail(),
          ConsoleAction.PASSWORD_CHANGE_REFUSED,
          user.getEmail(),
          "wrong current password");
      return false;
    }
    user.changePassword(hasher.hash(newPassword), now());
    audit.record(
        user.getEmail(), ConsoleAction.PASSWORD_CHANGED, user.getEmail(), "changed own password");
    return true;
  }

  /**
   * Creates an account.
   *
   * @param actor who creates it, for the audit log
   * @param mustChangePassword whether the person must choose a new password at first sign-in
   */
  public Account create(
      String actor,
      String email,
      String displayName,
      String password,
      Set<Role> roles,
      boolean mustChangePassword) {
    AdminUser user =
        new AdminUser(normalise(email), displayName, hasher.hash(password), roles, now());
    if (mustChangePassword) {
      user.requirePasswordChange();
    }
    em.persist(user);
    audit.record(
        actor, ConsoleAction.ACCOUNT_CREATED, user.getEmail(), "created with roles " + roles);
    return toAccount(user);
  }

  /** Every account, by name. Administrators only. */
  public List<Account> all() {
    requireAdmin();
    return em.createNamedQuery("AdminUser.findAll", AdminUser.class)
        .getResultStream()
        .map(AccountService::toAccount)
        .toList();
  }

  /**
   * Creates an account with a one-time password that its holder must change at first sign-in.
   * Administrators only.
   *
   * @return the one-time password, to hand to the person; it is shown only now
   * @throws IllegalArgumentException when an account with that email address exists
   */
  public String invite(String email, String displayName, Set<Role> roles) {
    String actor = requireAdmin();
    if (find(email).isPresent()) {
      throw new IllegalArgumentException("An account with this email address exists already.");
    }
    String oneTime = FirstAdministrator.oneTimePassword();
    create(actor, email, displayName, oneTime, roles, true);
    return oneTime;
  }

  /** Changes what an account may do. Administrators only; nobody can take ADMIN from themselves. */
  public void setRoles(String email, Set<Role> roles) {
    String actor = requireAdmin();
    AdminUser user = existing(email);
    if (user.getEmail().equals(actor) && !roles.contains(Role.ADMIN)) {
      throw new IllegalArgumentException("You cannot remove your own administrator role.");
    }
    Set<Role> before = user.getRoles();
    user.setRoles(roles, now());
    audit.record(
        actor, ConsoleAction.ROLES_CHANGED, user.getEmail(), "roles " + before + " → " + roles);
  }

  /**
   * Deactivates or reactivates an account. Administrators only; nobody can deactivate themselves.
   */
  public void setActive(String email, boolean active) {
    String actor = requireAdmin();
    AdminUser user = existing(email);
    if (user.getEmail().equals(actor) && !active) {
      throw new IllegalArgumentException("You cannot deactivate your own account.");
    }
    user.setActive(active, now());
    audit.record(
        actor,
        active ? ConsoleAction.ACCOUNT_REACTIVATED : ConsoleAction.ACCOUNT_DEACTIVATED,
        user.getEmail(),
        active ? "reactivated" : "deactivated");
  }

  /**
   * Gives an account a new one-time password and lifts any lock. Administrators only.
   *
   * @return the one-time password, shown only now
   */
  public String resetPassword(String email) {
    String actor = requireAdmin();
    AdminUser user = existing(email);
    String oneTime = FirstAdministrator.oneTimePassword();
    user.resetPassword(hasher.hash(oneTime), now());
    audit.record(actor, ConsoleAction.PASSWORD_RESET, user.getEmail(), "one-time password issued");
    return oneTime;
  }

  private String requireAdmin() {
    Principal caller = security.getCallerPrincipal();
    if (caller == null || !security.isCallerInRole(Role.ADMIN.name())) {
      throw new SecurityException("Only administrators manage accounts.");
    }
    return caller.getName();
  }

  private AdminUser existing(String email) {
    return find(email).orElseThrow(() -> new IllegalArgumentException("There is no such account."));
  }

  private Optional<AdminUser> find(String email) {
    return em.createNamedQuery("AdminUser.findByEmail", AdminUser.class)
        .setParameter("email", normalise(email))
        .getResultStream()
        .findFirst();
  }

  /** An email address as accounts store it: trimmed, lower case. */
  public static String normalise(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static Account toAccount(AdminUser u) {
    return new Account(
        u.getEmail(), u.getDisplayName(), u.getRoles(), u.isActive(), u.isMustChangePassword());
  }
}
