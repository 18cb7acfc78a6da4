package org.aasr.volunteers.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A link sent to a volunteer by email, known here only by the SHA-256 of its token ({@link
 * Tokens}). Whether it is used is decided by a conditional UPDATE, never by reading then writing.
 */
@Entity
@Table(name = "volunteer_token")
@NamedQuery(
    name = "VolunteerToken.findByHash",
    query = "SELECT t FROM VolunteerToken t WHERE t.tokenHash = :hash")
@NamedQuery(
    name = "VolunteerToken.revokeOpen",
    query =
        "UPDATE VolunteerToken t SET t.revokedAt = :now WHERE t.volunteer = :volunteer"
            + " AND t.purpose = :purpose AND t.usedAt IS NULL AND t.revokedAt IS NULL")
@NamedQuery(
    name = "VolunteerToken.countOpenSince",
    query =
        "SELECT COUNT(t) FROM VolunteerToken t WHERE t.volunteer = :volunteer"
            + " AND t.purpose = :purpose AND t.usedAt IS NULL AND t.revokedAt IS NULL"
            + " AND t.createdAt > :since")
@NamedQuery(
    name = "VolunteerToken.revokeOlder",
    query =
        "UPDATE VolunteerToken t SET t.revokedAt = :now WHERE t.volunteer = :volunteer"
            + " AND t.purpose = :purpose AND t.id < :id AND t.revokedAt IS NULL")
@NamedQuery(
    name = "VolunteerToken.use",
    query =
        "UPDATE VolunteerToken t SET t.usedAt = :now WHERE t.id = :id AND t.usedAt IS NULL"
            + " AND t.revokedAt IS NULL")
class VolunteerToken {

  /** What a token opens. */
  enum Purpose {
    CONFIRM,
    PRIVATE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "volunteer_id", nullable = false)
  private Volunteer volunteer;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private Purpose purpose;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "expires_at")
  private LocalDateTime expiresAt;

  @Column(name = "used_at")
  private LocalDateTime usedAt;

  @Column(name = "revoked_at")
  private LocalDateTime revokedAt;

  protected VolunteerToken() {}

  VolunteerToken(
      Volunteer volunteer,
      Purpose purpose,
      String tokenHash,
      LocalDateTime now,
      LocalDateTime expiresAt) {
    this.volunteer = volunteer;
    this.purpose = purpose;
    this.tokenHash = tokenHash;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  /**
   * Whether a token of this purpose that still works was made for the volunteer after {@code
   * since}: emails carrying one are sent at most once in a while, however often anyone asks.
   */
  static boolean openSince(
      EntityManager em, Volunteer volunteer, Purpose purpose, LocalDateTime since) {
    return em.createNamedQuery("VolunteerToken.countOpenSince", Long.class)
            .setParameter("volunteer", volunteer)
            .setParameter("purpose", purpose)
            .setParameter("since", since)
            .getSingleResult()
        > 0;
  }

  Long getId() {
    return id;
  }

  Volunteer getVolunteer() {
    return volunteer;
  }

  Purpose getPurpose() {
    return purpose;
  }

  LocalDateTime getExpiresAt() {
    return expiresAt;
  }

  LocalDateTime getUsedAt() {
    return usedAt;
  }

  LocalDateTime getCreatedAt() {
    return createdAt;
  }

  LocalDateTime getRevokedAt() {
    return revokedAt;
  }
}
