package org.aasr.web.accounts;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;

/** A staff account of the admin console. Times are UTC; the email address is lower-case. */
@Entity
@Table(name = "admin_user")
@NamedQuery(
    name = "AdminUser.findByEmail",
    query = "SELECT u FROM AdminUser u WHERE u.email = :email")
@NamedQuery(name = "AdminUser.count", query = "SELECT COUNT(u) FROM AdminUser u")
@NamedQuery(
    name = "AdminUser.findAll",
    query = "SELECT u FROM AdminUser u ORDER BY u.displayName, u.email")
// Sign-in bookkeeping is written with single atomic statements, never read-modify-write through
// the entity: many sign-ins to one account at once must each be counted, and must not fail on
// the optimistic lock that guards the administrators' edits (the statements leave the version).
@NamedQuery(
    name = "AdminUser.countFailure",
    query =
        "UPDATE AdminUser u SET u.failedSignIns = u.failedSignIns + 1 WHERE u.id = :id"
            + " AND (u.lockedUntil IS NULL OR u.lockedUntil <= :now)")
@NamedQuery(
    name = "AdminUser.lockAfterFailures",
    query =
        "UPDATE AdminUser u SET u.lockedUntil = :until, u.failedSignIns = 0 WHERE u.id = :id"
            + " AND u.failedSignIns >= :lockAfter")
@NamedQuery(
    name = "AdminUser.signedIn",
    query =
        "UPDATE AdminUser u SET u.failedSignIns = 0, u.lockedUntil = NULL, u.lastSignInAt = :now"
            + " WHERE u.id = :id AND u.credentialVersion = :version"
            + " AND (u.lockedUntil IS NULL OR u.lockedUntil <= :now)")
class AdminUser {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 254)
  private String email;

  @Column(name = "display_name", nullable = false, length = 120)
  private String displayName;

  @Column(name = "password_hash", nullable = false, length = 500)
  private String passwordHash;

  @Column(nullable = false)
  private boolean active = true;

  @Column(name = "must_change_password", nullable = false)
  private boolean mustChangePassword;

  @Column(name = "failed_sign_ins", nullable = false)
  private int failedSignIns;

  @Column(name = "locked_until")
  private LocalDateTime lockedUntil;

  @Column(name = "last_sign_in_at")
  private LocalDateTime lastSignInAt;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "admin_user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role", nullable = false, length = 40)
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  /**
   * Changes with every change of what the account may do (see {@link #changedCredentials}); a
   * session remembers it from sign-in and ends when it no longer matches.
   */
  @Column(name = "credential_version", nullable = false)
  private int credentialVersion;

  @Version private int version;

  protected AdminUser() {}

  AdminUser(
      String email, String displayName, String passwordHash, Set<Role> roles, LocalDateTime now) {
    this.email = email;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.roles = EnumSet.copyOf(roles);
    this.createdAt = now;
    this.updatedAt = now;
  }

  Long getId() {
    return id;
  }

  String getEmail() {
    return email;
  }

  String getDisplayName() {
    return displayName;
  }

  String getPasswordHash() {
    return passwordHash;
  }

  boolean isActive() {
    return active;
  }

  boolean isMustChangePassword() {
    return mustChangePassword;
  }

  Set<Role> getRoles() {
    return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  int getFailedSignIns() {
    return failedSignIns;
  }

  int getCredentialVersion() {
    return credentialVersion;
  }

  /** Ends every session signed in before: their remembered credential version no longer fits. */
  private void changedCredentials(LocalDateTime now) {
    credentialVersion++;
    updatedAt = now;
  }

  boolean isLockedAt(LocalDateTime now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  void requirePasswordChange() {
    mustChangePassword = true;
  }

  /** Gives a new one-time password, which must be changed at the next sign-in; lifts a lock. */
  void resetPassword(String newHash, LocalDateTime now) {
    passwordHash = newHash;
    mustChangePassword = true;
    failedSignIns = 0;
    lockedUntil = null;
    changedCredentials(now);
  }

  void setActive(boolean active, LocalDateTime now) {
    this.active = active;
    changedCredentials(now);
  }

  void setRoles(Set<Role> roles, LocalDateTime now) {
    this.roles.clear();
    this.roles.addAll(roles);
    changedCredentials(now);
  }

  void changePassword(String newHash, LocalDateTime now) {
    passwordHash = newHash;
    mustChangePassword = false;
    changedCredentials(now);
  }
}
