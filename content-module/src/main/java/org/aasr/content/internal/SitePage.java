package org.aasr.content.internal;

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

/** A content page of the site, such as the mission. Named so as not to clash with JSF's pages. */
@Entity
@Table(name = "site_page")
@NamedQuery(
    name = "SitePage.findPublishedBySlug",
    query = "SELECT p FROM SitePage p WHERE p.slug = :slug AND p.status = :published")
@NamedQuery(name = "SitePage.findAll", query = "SELECT p FROM SitePage p ORDER BY p.title")
@NamedQuery(name = "SitePage.findBySlug", query = "SELECT p FROM SitePage p WHERE p.slug = :slug")
@NamedQuery(
    name = "SitePage.findPublished",
    query = "SELECT p FROM SitePage p WHERE p.status = :published ORDER BY p.title")
class SitePage {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 200)
  private String slug;

  @Column(nullable = false, length = 300)
  private String title;

  @Column(nullable = false, length = 2000)
  private String summary;

  @Lob
  @Column(nullable = false)
  private String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private PublicationStatus status;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  @Version private int version;

  protected SitePage() {}

  SitePage(String slug, LocalDateTime now) {
    this.slug = slug;
    createdAt = now;
    status = PublicationStatus.DRAFT;
  }

  void edit(
      String title, String summary, String body, PublicationStatus status, LocalDateTime now) {
    this.title = title;
    this.summary = summary;
    this.body = body;
    this.status = status;
    this.updatedAt = now;
  }

  int getVersion() {
    return version;
  }

  boolean isPublished() {
    return status == PublicationStatus.PUBLISHED;
  }

  String getSlug() {
    return slug;
  }

  String getTitle() {
    return title;
  }

  String getSummary() {
    return summary;
  }

  String getBody() {
    return body;
  }

  LocalDateTime getUpdatedAt() {
    return updatedAt;
  }
}
