package org.aasr.volunteers.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import org.aasr.volunteers.api.OpportunityStatus;
import org.aasr.volunteers.api.OpportunitySummary;
import org.aasr.volunteers.api.PlaceKind;

/** A way to volunteer, such as event support. Only OPEN ones are public. Times are UTC. */
@Entity
@Table(name = "opportunity")
@NamedQuery(
    name = "Opportunity.findByStatus",
    query = "SELECT o FROM Opportunity o WHERE o.status = :status ORDER BY o.title, o.id")
@NamedQuery(
    name = "Opportunity.findAll",
    query = "SELECT o FROM Opportunity o ORDER BY o.title, o.id")
@NamedQuery(
    name = "Opportunity.findBySlug",
    query = "SELECT o FROM Opportunity o WHERE o.slug = :slug")
@NamedQuery(
    name = "Opportunity.findBySlugAndStatus",
    query = "SELECT o FROM Opportunity o WHERE o.slug = :slug AND o.status = :status")
class Opportunity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 120)
  private String slug;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(nullable = false, length = 500)
  private String summary;

  @Lob
  @Column(nullable = false)
  private String involves;

  @Enumerated(EnumType.STRING)
  @Column(name = "place_kind", nullable = false, length = 10)
  private PlaceKind placeKind;

  @Column(length = 2)
  private String country;

  @Column(length = 2)
  private String region;

  @Column(name = "time_asked", nullable = false, length = 200)
  private String timeAsked;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private OpportunityStatus status;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  @Version private int version;

  protected Opportunity() {}

  Opportunity(String slug, String title, PlaceKind placeKind, LocalDateTime now) {
    this.slug = slug;
    this.title = title;
    this.summary = "";
    this.involves = "";
    this.placeKind = placeKind;
    this.timeAsked = "";
    this.status = OpportunityStatus.DRAFT;
    this.createdAt = now;
    this.updatedAt = now;
  }

  OpportunitySummary toSummary() {
    return new OpportunitySummary(slug, title, summary, placeKind, country, region, timeAsked);
  }

  Long getId() {
    return id;
  }

  String getSlug() {
    return slug;
  }

  String getTitle() {
    return title;
  }

  String getInvolves() {
    return involves;
  }

  OpportunityStatus getStatus() {
    return status;
  }

  void setStatus(OpportunityStatus status, LocalDateTime now) {
    this.status = status;
    this.updatedAt = now;
  }

  /** Takes a coordinator's (checked) changes. */
  void edit(
      String title,
      String slug,
      String summary,
      String involves,
      PlaceKind placeKind,
      String country,
      String region,
      String timeAsked,
      LocalDateTime now) {
    this.title = title;
    this.slug = slug;
    this.placeKind = placeKind;
    describe(summary, involves, country, region, timeAsked);
    this.updatedAt = now;
  }

  String getSummary() {
    return summary;
  }

  PlaceKind getPlaceKind() {
    return placeKind;
  }

  String getCountry() {
    return country;
  }

  String getRegion() {
    return region;
  }

  String getTimeAsked() {
    return timeAsked;
  }

  int getVersion() {
    return version;
  }

  void describe(String summary, String involves, String country, String region, String timeAsked) {
    this.summary = summary;
    this.involves = involves;
    this.country = country;
    this.region = region;
    this.timeAsked = timeAsked;
  }
}
