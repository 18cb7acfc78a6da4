package org.aasr.content.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/**
 * A story: news, a volunteer spotlight or someone's own account. Times are UTC.
 *
 * <p>The published queries take the current time as a parameter rather than using the database's
 * clock, so that scheduled stories appear at the same moment on every instance of a cluster and
 * tests can reason about "now".
 */
@Entity
@Table(name = "story")
@NamedQuery(
    name = "Story.findPublished",
    query =
        "SELECT s FROM Story s JOIN FETCH s.category WHERE s.status = :published"
            + " AND s.publishedAt <= :now ORDER BY s.publishedAt DESC, s.id DESC")
@NamedQuery(
    name = "Story.findForHome",
    query =
        "SELECT s FROM Story s JOIN FETCH s.category WHERE s.status = :published"
            + " AND s.publishedAt <= :now ORDER BY s.featured DESC, s.publishedAt DESC, s.id DESC")
@NamedQuery(
    name = "Story.countPublished",
    query = "SELECT COUNT(s) FROM Story s WHERE s.status = :published AND s.publishedAt <= :now")
@NamedQuery(
    name = "Story.findPublishedInCategory",
    query =
        "SELECT s FROM Story s JOIN FETCH s.category c WHERE s.status = :published"
            + " AND s.publishedAt <= :now AND c.slug = :category"
            + " ORDER BY s.publishedAt DESC, s.id DESC")
@NamedQuery(
    name = "Story.countPublishedInCategory",
    query =
        "SELECT COUNT(s) FROM Story s WHERE s.status = :published AND s.publishedAt <= :now"
            + " AND s.category.slug = :category")
@NamedQuery(
    name = "Story.findPublishedBySlug",
    query =
        "SELECT s FROM Story s JOIN FETCH s.category WHERE s.slug = :slug"
            + " AND s.status = :published AND s.publishedAt <= :now")
@NamedQuery(
    name = "Story.findUnpublished",
    query =
        "SELECT s FROM Story s JOIN FETCH s.category WHERE s.status = :draft"
            + " OR s.publishedAt > :now ORDER BY s.updatedAt DESC, s.id DESC")
@NamedQuery(name = "Story.findBySlug", query = "SELECT s FROM Story s WHERE s.slug = :slug")
@NamedQuery(
    name = "Story.nextScheduled",
    query =
        "SELECT MIN(s.publishedAt) FROM Story s WHERE s.status = :published"
            + " AND s.publishedAt > :now")
@NamedQuery(
    name = "Story.countPublishedByCategory",
    query =
        "SELECT s.category.slug, COUNT(s) FROM Story s WHERE s.status = :published"
            + " AND s.publishedAt <= :now GROUP BY s.category.slug")
class Story {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 200)
  private String slug;

  @Column(nullable = false, length = 300)
  private String title;

  @Column(nullable = false, length = 2000)
  private String excerpt;

  @Lob
  @Column(nullable = false)
  private String body;

  @Column(nullable = false, length = 200)
  private String author;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "category_id")
  private Category category;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private PublicationStatus status;

  @Column(name = "published_at")
  private LocalDateTime publishedAt;

  @Column(name = "excerpt_only", nullable = false)
  private boolean excerptOnly;

  @Column(nullable = false)
  private boolean featured;

  @Column(name = "image_file", length = 100)
  private String imageFile;

  @Column(name = "image_alt", length = 300)
  private String imageAlt;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  @Version private int version;

  protected Story() {}

  Story(LocalDateTime now) {
    createdAt = now;
    updatedAt = now;
    status = PublicationStatus.DRAFT;
  }

  /** Takes the edited fields; the caller has cleaned the body and checked the slug. */
  void edit(
      String title,
      String slug,
      String excerpt,
      String body,
      String author,
      Category category,
      PublicationStatus status,
      LocalDateTime publishedAt,
      boolean featured,
      LocalDateTime now) {
    this.featured = featured;
    this.title = title;
    this.slug = slug;
    this.excerpt = excerpt;
    this.body = body;
    this.author = author;
    this.category = category;
    this.status = status;
    this.publishedAt = publishedAt;
    this.excerptOnly = false;
    this.updatedAt = now;
  }

  Long getId() {
    return id;
  }

  int getVersion() {
    return version;
  }

  String getSlug() {
    return slug;
  }

  String getTitle() {
    return title;
  }

  String getExcerpt() {
    return excerpt;
  }

  String getBody() {
    return body;
  }

  String getAuthor() {
    return author;
  }

  Category getCategory() {
    return category;
  }

  PublicationStatus getStatus() {
    return status;
  }

  LocalDateTime getPublishedAt() {
    return publishedAt;
  }

  /** Sets or removes (null) the featured image; the caller checked that it has alt text. */
  void setImage(String file, String alt) {
    imageFile = file;
    imageAlt = file == null ? null : alt;
  }

  String getImageFile() {
    return imageFile;
  }

  String getImageAlt() {
    return imageAlt;
  }

  boolean isFeatured() {
    return featured;
  }

  boolean isExcerptOnly() {
    return excerptOnly;
  }

  LocalDateTime getUpdatedAt() {
    return updatedAt;
  }
}
