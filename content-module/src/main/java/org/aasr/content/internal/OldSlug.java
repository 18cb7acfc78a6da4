package org.aasr.content.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A story's former address, which now leads to its current one. */
@Entity
@Table(name = "story_old_slug")
@NamedQuery(
    name = "OldSlug.currentSlug",
    query =
        "SELECT o.story.slug FROM OldSlug o WHERE o.oldSlug = :slug AND o.story.status = :published"
            + " AND o.story.publishedAt <= :now")
@NamedQuery(name = "OldSlug.deleteBySlug", query = "DELETE FROM OldSlug o WHERE o.oldSlug = :slug")
@NamedQuery(name = "OldSlug.deleteByStory", query = "DELETE FROM OldSlug o WHERE o.story = :story")
class OldSlug {

  @Id
  @Column(name = "old_slug", length = 200)
  private String oldSlug;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "story_id")
  private Story story;

  protected OldSlug() {}

  OldSlug(String oldSlug, Story story) {
    this.oldSlug = oldSlug;
    this.story = story;
  }
}
