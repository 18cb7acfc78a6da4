package org.aasr.web.site.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.aasr.content.api.ContentChanged;
import org.aasr.volunteers.api.VolunteerChanged;

/**
 * Tells the page cache about content changes once they are committed: a story saved, published,
 * unpublished, scheduled or deleted, a page edited, a category added, renamed or deleted. It
 * observes the event type only, not its fields, so every change clears the cache, whatever it was.
 *
 * <p>A coordinator's change to an opportunity or a shift clears it too: the volunteer page lists
 * the open opportunities, and publishing or closing one must show at once. Visitors' own changes
 * (sign-ups, bookings) do not: no cached page shows them.
 *
 * <p>After success only: a rolled-back change changed nothing, and a change cleared inside its
 * transaction could be cached again, uncommitted-old, by a reader before the commit.
 */
@ApplicationScoped
public class ContentChangeRelay {

  @Inject Event<PagesChanged> pagesChanged;

  void onContentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
    pagesChanged.fire(new PagesChanged("content: " + change.getClass().getSimpleName()));
  }

  void onVolunteerChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) VolunteerChanged change) {
    String subject = change.action().subjectType();
    if (!VolunteerChanged.VISITOR.equals(change.actor())
        && (subject.equals("opportunity") || subject.equals("shift"))) {
      pagesChanged.fire(new PagesChanged("volunteering: " + change.action()));
    }
  }
}
