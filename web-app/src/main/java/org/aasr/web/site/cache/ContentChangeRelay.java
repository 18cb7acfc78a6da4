package org.aasr.web.site.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.aasr.content.api.ContentChanged;
import org.aasr.donations.api.DonationChanged;
import org.aasr.volunteers.api.VolunteerChanged;

/**
 * Tells the page cache about changes once they are committed: a story saved, published,
 * unpublished, scheduled or deleted, a page edited, a category added, renamed or deleted; a gift
 * confirmed or refunded, a fundraiser edited; an opportunity or a shift changed by a coordinator,
 * or a place on one taken or freed. Each clears the whole cache. A volunteer's sign-up shows on no
 * public page and clears nothing.
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

  /**
   * A gift confirmed or refunded, a campaign edited: the home page's banner, the campaign pages and
   * the donation form show its figures. (Pages with figures also expire after a few seconds, see
   * {@link CacheRules#maxAge}, for changes that reach the database without an event.)
   */
  void onDonationChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) DonationChanged change) {
    pagesChanged.fire(new PagesChanged("donations: " + change.action()));
  }

  /**
   * An opportunity or a shift changed, by staff or by a volunteer taking or freeing a place: the
   * volunteer pages show them, places left included. A sign-up changes no public page.
   */
  void onVolunteerChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) VolunteerChanged change) {
    String subject = change.action().subjectType();
    if (subject.equals("opportunity") || subject.equals("shift")) {
      pagesChanged.fire(new PagesChanged("volunteering: " + change.action()));
    }
  }
}
