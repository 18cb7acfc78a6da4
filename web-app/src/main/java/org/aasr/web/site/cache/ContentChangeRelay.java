package org.aasr.web.site.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import org.aasr.content.api.ContentChanged;
import org.aasr.donations.api.DonationAction;
import org.aasr.donations.api.DonationChanged;
import org.aasr.volunteers.api.VolunteerAction;
import org.aasr.volunteers.api.VolunteerChanged;

/**
 * Tells the page cache about changes once they are committed: a story saved, published,
 * unpublished, scheduled or deleted, a page edited, a category added, renamed or deleted; a change
 * of fundraiser figures or of a fundraiser; a coordinator's change to an opportunity or a shift.
 * Each clears the whole cache. What visitors can do as often as they like (pledge, sign up, book
 * and cancel) clears nothing: pages with figures that change that way expire within seconds instead
 * ({@link CacheRules#maxAge}).
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
   * A gift confirmed, refunded or recorded by staff, a monthly gift stopped, a fundraiser changed:
   * the home page's banner, the fundraiser pages and the donation form show their figures. Pledges
   * and card payments just started, failures and re-sent receipts change no figure and clear
   * nothing, so that visitors' posts cannot keep the cache empty.
   */
  void onDonationChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) DonationChanged change) {
    if (FIGURES_CHANGED.contains(change.action())) {
      pagesChanged.fire(new PagesChanged("donations: " + change.action()));
    }
  }

  /**
   * A coordinator's change to an opportunity or a shift: the volunteer pages list them. Places
   * taken or freed (by volunteers or coordinators) clear nothing: the opportunity pages that show
   * places left expire within seconds ({@link CacheRules#maxAge}), so that nobody can keep the
   * cache empty by booking and cancelling in a loop.
   */
  void onVolunteerChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) VolunteerChanged change) {
    if (OPPORTUNITIES_CHANGED.contains(change.action())) {
      pagesChanged.fire(new PagesChanged("volunteering: " + change.action()));
    }
  }

  private static final Set<DonationAction> FIGURES_CHANGED =
      EnumSet.of(
          DonationAction.DONATION_CONFIRMED,
          DonationAction.DONATION_REFUNDED,
          DonationAction.OFFLINE_GIFT_RECORDED,
          DonationAction.MONTHLY_GIFT_CANCELLED,
          DonationAction.MONTHLY_GIFT_ENDED,
          DonationAction.CAMPAIGN_CREATED,
          DonationAction.CAMPAIGN_UPDATED,
          DonationAction.CAMPAIGN_CLOSED,
          DonationAction.CAMPAIGN_FEATURED);

  private static final Set<VolunteerAction> OPPORTUNITIES_CHANGED =
      EnumSet.of(
          VolunteerAction.OPPORTUNITY_CREATED,
          VolunteerAction.OPPORTUNITY_UPDATED,
          VolunteerAction.OPPORTUNITY_PUBLISHED,
          VolunteerAction.OPPORTUNITY_CLOSED,
          VolunteerAction.SHIFT_ADDED,
          VolunteerAction.SHIFT_CHANGED,
          VolunteerAction.SHIFT_REMOVED);
}
