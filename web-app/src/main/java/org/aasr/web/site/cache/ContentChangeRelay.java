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
 * unpublished, scheduled or deleted, a page edited, a category added, renamed or deleted; a gift or
 * a campaign; an opportunity, a shift or a booking. It reads no field but the action, so every
 * change clears the cache, whatever it was.
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

  /** An opportunity or shift changed, a place taken or freed: the volunteer pages show them. */
  void onVolunteerChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) VolunteerChanged change) {
    pagesChanged.fire(new PagesChanged("volunteers: " + change.action()));
  }
}
