package org.aasr.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoutesTest {

  private static final Predicate<String> VIEWS =
      Set.of(
              "/index.xhtml",
              "/stories.xhtml",
              "/story.xhtml",
              "/page.xhtml",
              "/donate.xhtml",
              "/fundraiser.xhtml")
          ::contains;

  private static Optional<String> resolve(String path) {
    return Routes.resolve(path, VIEWS);
  }

  @Test
  void theRootIsTheHomePage() {
    assertEquals(Optional.of("/index.xhtml"), resolve("/"));
  }

  @Test
  void aStoryPathRendersTheStoryView() {
    assertEquals(
        Optional.of("/story.xhtml?slug=my-aasr-story-chantelle-hyde"),
        resolve("/stories/my-aasr-story-chantelle-hyde"));
  }

  @Test
  void aNameWithItsOwnViewRendersThatView() {
    assertEquals(Optional.of("/stories.xhtml"), resolve("/stories"));
    assertEquals(Optional.of("/donate.xhtml"), resolve("/donate"));
  }

  @Test
  void anyOtherSlugIsAContentPage() {
    assertEquals(Optional.of("/page.xhtml?slug=mission"), resolve("/mission"));
  }

  @Test
  void aFundraiserPathRendersTheFundraiserView() {
    assertEquals(
        Optional.of("/fundraiser.xhtml?slug=five-year-anniversary"),
        resolve("/fundraisers/five-year-anniversary"));
    assertEquals(Optional.empty(), resolve("/fundraisers/Bad_Slug"));
    assertEquals(Optional.empty(), resolve("/fundraisers/a/b"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/index", "/story", "/page", "/fundraiser"})
  void internalViewsHaveNoCleanUrlOfTheirOwn(String path) {
    assertEquals(Optional.empty(), resolve(path));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/site.css",
        "/jakarta.faces.resource/site.css.xhtml",
        "/Mission",
        "/mission/",
        "/stories/",
        "/stories/Bad_Slug",
        "/stories/a/b",
        "/stories/../WEB-INF/web.xml",
        "/two--hyphens",
        "/-leading"
      })
  void leavesEverythingElseAlone(String path) {
    assertEquals(Optional.empty(), resolve(path));
  }

  @Test
  void acceptsWordsJoinedByHyphens() {
    assertTrue(Routes.isSlug("about-seclusion-and-restraint"));
    assertTrue(Routes.isSlug("2026-report"));
  }

  @Test
  void rejectsOverlongSlugs() {
    assertFalse(Routes.isSlug("a".repeat(201)));
  }

  @Test
  void theConsoleIsAdminAndBelowNotPagesThatStartAlike() {
    assertTrue(Routes.isConsole("/admin"));
    assertTrue(Routes.isConsole("/admin/stories"));
    assertFalse(Routes.isConsole("/admin-tips"), "a content page may be called admin-tips");
    assertFalse(Routes.isConsole("/administration"));
  }

  @Test
  void aVolunteerOpportunityPathRendersTheOpportunityView() {
    assertEquals(
        Optional.of("/volunteer-opportunity.xhtml?slug=event-support"),
        resolve("/volunteer/event-support"));
    assertEquals(Optional.empty(), resolve("/volunteer/Event%20support"));
    assertEquals(Optional.empty(), resolve("/volunteer/a/b"));
  }

  @Test
  void aPrivateLinkRendersTheVolunteersOwnPage() {
    String token = "Ab_9-".repeat(8) + "xyz";
    assertEquals(
        Optional.of("/volunteer-me.xhtml?token=" + token), resolve("/volunteer/me/" + token));
    assertEquals(Optional.empty(), resolve("/volunteer/me/a.b"));
    assertEquals(Optional.empty(), resolve("/volunteer/me/a/b"));
    assertEquals(Optional.empty(), resolve("/volunteer/me/" + "a".repeat(101)));
    assertEquals(Optional.of("/volunteer-opportunity.xhtml?slug=me"), resolve("/volunteer/me"));
  }

  @Test
  void aMonthlyDonorsPrivateLinkRendersTheMonthlyGiftPage() {
    String token = "Ab_9-".repeat(8) + "xyz";
    assertEquals(
        Optional.of("/monthly-gift.xhtml?token=" + token), resolve("/donate/monthly/" + token));
    assertEquals(Optional.empty(), resolve("/donate/monthly/a.b"));
    assertEquals(Optional.empty(), resolve("/donate/monthly/a/b"));
    assertEquals(Optional.empty(), resolve("/donate/monthly/" + "a".repeat(101)));
  }
}
