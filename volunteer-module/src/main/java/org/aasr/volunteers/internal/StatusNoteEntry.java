package org.aasr.volunteers.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import java.time.ZoneOffset;
import org.aasr.volunteers.api.StatusNote;
import org.aasr.volunteers.api.VolunteerStatus;

/**
 * One step of a volunteer's status workflow and the coordinator's note on it: written once, never
 * changed, so the history is what happened. Personal (it is about a person): erasure deletes these.
 */
@Entity
@Table(name = "volunteer_status_note")
@NamedQuery(
    name = "StatusNoteEntry.findByVolunteer",
    query =
        "SELECT n FROM StatusNoteEntry n WHERE n.volunteer.id = :volunteer"
            + " ORDER BY n.createdAt DESC, n.id DESC")
class StatusNoteEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "volunteer_id", nullable = false, updatable = false)
  private Volunteer volunteer;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status", nullable = false, updatable = false, length = 12)
  private VolunteerStatus from;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", nullable = false, updatable = false, length = 12)
  private VolunteerStatus to;

  @Column(nullable = false, updatable = false, length = 2000)
  private String note;

  @Column(nullable = false, updatable = false, length = 254)
  private String author;

  @Column(name = "created_at", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  protected StatusNoteEntry() {}

  StatusNoteEntry(
      Volunteer volunteer,
      VolunteerStatus from,
      VolunteerStatus to,
      String note,
      String author,
      LocalDateTime now) {
    this.volunteer = volunteer;
    this.from = from;
    this.to = to;
    this.note = note;
    this.author = author;
    this.createdAt = now;
  }

  StatusNote toNote() {
    return new StatusNote(createdAt.toInstant(ZoneOffset.UTC), author, from, to, note);
  }
}
