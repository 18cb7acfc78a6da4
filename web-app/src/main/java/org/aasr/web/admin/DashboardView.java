package org.aasr.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.aasr.content.api.ContentEditors;
import org.aasr.content.api.StoryAdmin;
import org.aasr.content.api.StoryListItem;
import org.aasr.donations.api.DonationAdmin;
import org.aasr.donations.api.DonationStaff;
import org.aasr.donations.api.GiftsToday;
import org.aasr.volunteers.api.ShiftNeed;
import org.aasr.volunteers.api.VolunteerCoordination;
import org.aasr.volunteers.api.VolunteerRow;
import org.aasr.volunteers.api.VolunteerStaff;

/**
 * The console's front page: what needs the signed-in person's attention, by their roles. For
 * editors, the stories still in draft or scheduled. For fundraising staff and administrators,
 * today's gifts, the pledges waiting for their money and today's refused donation attempts. For
 * volunteer coordinators and administrators, the confirmed sign-ups still waiting for a first
 * contact and the coming week's shifts that lack people. Nobody else is shown a donor figure or any
 * volunteer data (the modules refuse them too). A later issue adds story submissions here.
 */
@Named
@RequestScoped
public class DashboardView {

  /** How many items a list on the dashboard shows. */
  static final int ITEMS = 10;

  /** How many days ahead the dashboard looks for shifts lacking people. */
  static final int SHIFT_DAYS = 7;

  @Inject ContentEditors editors;
  @Inject StoryAdmin content;

  @Inject DonationStaff fundraisers;
  @Inject DonationAdmin donations;
  @Inject VolunteerStaff volunteerStaff;
  @Inject VolunteerCoordination volunteers;

  private List<StoryListItem> unpublished;
  private GiftsToday today;
  private List<VolunteerRow> waiting;
  private List<ShiftNeed> lacking;

  public boolean isEditor() {
    return editors.currentEditor().isPresent();
  }

  /** Drafts and scheduled stories, for editors; empty for everyone else. */
  public List<StoryListItem> getUnpublishedStories() {
    if (unpublished == null) {
      unpublished = isEditor() ? content.unpublishedStories(ITEMS) : List.of();
    }
    return unpublished;
  }

  public boolean isFundraiser() {
    return fundraisers.currentFundraiser().isPresent();
  }

  /** Today's donation figures, for fundraising staff; null for everyone else. */
  public GiftsToday getToday() {
    if (today == null && isFundraiser()) {
      today = donations.todaysFigures();
    }
    return today;
  }

  public boolean isCoordinator() {
    return volunteerStaff.currentCoordinator().isPresent();
  }

  /** Confirmed sign-ups still NEW, oldest first, for coordinators; empty for everyone else. */
  public List<VolunteerRow> getWaitingForContact() {
    if (waiting == null) {
      waiting = isCoordinator() ? volunteers.waitingForContact(ITEMS) : List.of();
    }
    return waiting;
  }

  /** Shifts of the coming week with places left, for coordinators; empty for everyone else. */
  public List<ShiftNeed> getShiftsLackingPeople() {
    if (lacking == null) {
      lacking = isCoordinator() ? volunteers.shiftsLackingPeople(SHIFT_DAYS) : List.of();
    }
    return lacking;
  }
}
