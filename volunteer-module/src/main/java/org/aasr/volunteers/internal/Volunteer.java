package org.aasr.volunteers.internal;

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
import java.util.Locale;
import java.util.Set;
import org.aasr.volunteers.api.Interest;
import org.aasr.volunteers.api.LivedExperience;
import org.aasr.volunteers.api.SignUp;
import org.aasr.volunteers.api.VolunteerStatus;

/**
 * Someone who signed up to volunteer. Times are UTC.
 *
 * <p>{@code emailKey} is the address in lower case (Locale.ROOT), unique in the database: the one
 * rule that makes "the same email again" the same volunteer. Erasure keeps the row, with every
 * personal field emptied, so that hours logged stay counted anonymously.
 */
@Entity
@Table(name = "volunteer")
@NamedQuery(
    name = "Volunteer.findByEmailKey",
    query = "SELECT v FROM Volunteer v WHERE v.emailKey = :emailKey")
class Volunteer {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "full_name", length = 200)
  private String fullName;

  @Column(length = 254)
  private String email;

  @Column(name = "email_key", unique = true, length = 254)
  private String emailKey;

  @Column(length = 40)
  private String phone;

  @Column(length = 2)
  private String country;

  @Column(length = 2)
  private String region;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "volunteer_interest", joinColumns = @JoinColumn(name = "volunteer_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "interest", length = 30)
  private Set<Interest> interests = EnumSet.noneOf(Interest.class);

  @Column(length = 1000)
  private String skills;

  @Column(length = 1000)
  private String availability;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "volunteer_experience", joinColumns = @JoinColumn(name = "volunteer_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "experience", length = 30)
  private Set<LivedExperience> experience = EnumSet.noneOf(LivedExperience.class);

  @Column(name = "how_heard", length = 500)
  private String howHeard;

  @Column(name = "consent_at")
  private LocalDateTime consentAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private VolunteerStatus status;

  @Column(name = "confirmed_at")
  private LocalDateTime confirmedAt;

  @Column(name = "erased_at")
  private LocalDateTime erasedAt;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  @Version private int version;

  protected Volunteer() {}

  Volunteer(LocalDateTime now) {
    this.status = VolunteerStatus.NEW;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** The key under which an address is unique: trimmed, in lower case, whatever the locale. */
  static String emailKey(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Takes the details of a (checked) sign-up. Consent is given anew with each sign-up, so its time
   * is the time of this one.
   */
  void apply(SignUp form, LocalDateTime now) {
    fullName = form.fullName();
    email = form.email();
    emailKey = emailKey(form.email());
    phone = form.phone();
    country = form.country();
    region = form.region();
    interests.clear();
    interests.addAll(form.interests());
    skills = form.skills();
    availability = form.availability();
    experience.clear();
    experience.addAll(form.experience());
    howHeard = form.howHeard();
    consentAt = now;
    updatedAt = now;
  }

  /**
   * Takes the details a volunteer changed on their private page (checked as a sign-up is): all but
   * the email address, which only a confirmed sign-up sets, and the consent, which stands.
   */
  void updateDetails(SignUp form, LocalDateTime now) {
    fullName = form.fullName();
    phone = form.phone();
    country = form.country();
    region = form.region();
    interests.clear();
    interests.addAll(form.interests());
    skills = form.skills();
    availability = form.availability();
    experience.clear();
    experience.addAll(form.experience());
    howHeard = form.howHeard();
    updatedAt = now;
  }

  /**
   * Empties every personal field (the interests and lived experience too) and marks the row erased.
   * The row stays, with its number, status and dates, so that anonymous counts and hour totals stay
   * true.
   */
  void erase(LocalDateTime now) {
    fullName = null;
    email = null;
    emailKey = null;
    phone = null;
    country = null;
    region = null;
    interests.clear();
    skills = null;
    availability = null;
    experience.clear();
    howHeard = null;
    consentAt = null;
    erasedAt = now;
    updatedAt = now;
  }

  /** The details as a sign-up form holds them, for the volunteer's own page. */
  SignUp details() {
    return new SignUp(
        fullName,
        email,
        phone,
        country,
        region,
        interests,
        skills,
        availability,
        experience,
        howHeard,
        consentAt != null);
  }

  /** Records that the volunteer confirmed their address, the first time only. */
  void confirm(LocalDateTime now) {
    if (confirmedAt == null) {
      confirmedAt = now;
      updatedAt = now;
    }
  }

  /** Moves the volunteer to a status (the workflow was checked by the caller). */
  void changeStatus(VolunteerStatus to, LocalDateTime now) {
    status = to;
    updatedAt = now;
  }

  boolean isErased() {
    return erasedAt != null;
  }

  Long getId() {
    return id;
  }

  String getFullName() {
    return fullName;
  }

  String getEmail() {
    return email;
  }

  String getPhone() {
    return phone;
  }

  String getCountry() {
    return country;
  }

  String getRegion() {
    return region;
  }

  Set<Interest> getInterests() {
    return interests;
  }

  String getSkills() {
    return skills;
  }

  String getAvailability() {
    return availability;
  }

  Set<LivedExperience> getExperience() {
    return experience;
  }

  String getHowHeard() {
    return howHeard;
  }

  LocalDateTime getConsentAt() {
    return consentAt;
  }

  VolunteerStatus getStatus() {
    return status;
  }

  LocalDateTime getConfirmedAt() {
    return confirmedAt;
  }

  LocalDateTime getCreatedAt() {
    return createdAt;
  }

  LocalDateTime getUpdatedAt() {
    return updatedAt;
  }

  LocalDateTime getErasedAt() {
    return erasedAt;
  }
}
