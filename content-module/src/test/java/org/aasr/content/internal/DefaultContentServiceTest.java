package org.aasr.content.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.aasr.content.api.CategoryInfo;
import org.aasr.content.api.PageContent;
import org.aasr.content.api.ResultPage;
import org.aasr.content.api.StoryDetail;
import org.aasr.content.api.StorySummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public read model over the seeded content, on a real embedded Derby with EclipseLink. */
class DefaultContentServiceTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private ContentDatabase db;
  private EntityManager em;
  private DefaultContentService content;

  @BeforeEach
  void seed() {
    db = new ContentDatabase();
    db.migrate();
    em = db.entityManager();
    content = at(NOW);
  }

  @AfterEach
  void close() {
    em.close();
    db.close();
  }

  private DefaultContentService at(Instant now) {
    return new DefaultContentService(em, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static List<String> slugs(List<StorySummary> stories) {
    return stories.stream().map(StorySummary::slug).toList();
  }

  @Test
  void latestStoriesComeNewestFirstInTheOrderOfTheOldHomePage() {
    assertEquals(
        List.of(
            "volunteers-lead-the-way-to-change",
            "meet-christopher-ripke",
            "my-aasr-story-jennifer-abbanat",
            "my-aasr-story-chantelle-hyde"),
        slugs(content.latestStories(4)));
  }

  @Test
  void latestStoriesStopAtTheLimit() {
    assertEquals(2, content.latestStories(2).size());
  }

  @Test
  void pagesThroughStories() {
    ResultPage<StorySummary> first = content.publishedStories(null, 1, 3);
    ResultPage<StorySummary> second = content.publishedStories(null, 2, 3);

    assertEquals(3, first.items().size());
    assertEquals(2, first.totalPages());
    assertTrue(first.hasNext());
    assertFalse(first.hasPrevious());
    assertEquals(List.of("my-aasr-story-chantelle-hyde"), slugs(second.items()));
    assertFalse(second.hasNext());
  }

  @Test
  void aPagePastTheEndIsEmpty() {
    ResultPage<StorySummary> page = content.publishedStories(null, 9, 3);

    assertTrue(page.items().isEmpty());
    assertEquals(4, page.totalItems());
  }

  @Test
  void filtersStoriesByCategory() {
    ResultPage<StorySummary> page = content.publishedStories("my-aasr-story", 1, 10);

    assertEquals(
        List.of("my-aasr-story-jennifer-abbanat", "my-aasr-story-chantelle-hyde"),
        slugs(page.items()));
    assertEquals(2, page.totalItems());
  }

  @Test
  void anEmptyCategoryHasNoStories() {
    assertEquals(0, content.publishedStories("news", 1, 10).totalItems());
  }

  @Test
  void rejectsPageNumbersBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> content.publishedStories(null, 0, 10));
  }

  @Test
  void rejectsPagesLargerThanTheMaximum() {
    assertThrows(
        IllegalArgumentException.class,
        () -> content.publishedStories(null, 1, ResultPage.MAX_PAGE_SIZE + 1));
  }

  @Test
  void findsAStoryBySlugWithItsCategoryAuthorAndBody() {
    StoryDetail story = content.publishedStory("my-aasr-story-jennifer-abbanat").orElseThrow();

    assertEquals("My AASR Story: Jennifer Abbanat", story.summary().title());
    assertEquals("Jennifer Abbanat", story.summary().author());
    assertEquals("My AASR Story", story.summary().category().name());
    assertEquals(Instant.parse("2026-11-28T09:02:00Z"), story.summary().publishedAt());
    assertTrue(story.summary().excerptOnly());
    assertTrue(story.bodyHtml().startsWith("<p>As many know, I got involved"));
  }

  @Test
  void anUnknownSlugFindsNothing() {
    assertTrue(content.publishedStory("no-such-story").isEmpty());
  }

  @Test
  void hidesDrafts() {
    db.update("UPDATE story SET status = 'DRAFT' WHERE slug = 'my-aasr-story-chantelle-hyde'");

    assertTrue(content.publishedStory("my-aasr-story-chantelle-hyde").isEmpty());
    assertEquals(3, content.publishedStories(null, 1, 10).totalItems());
  }

  @Test
  void showsAScheduledStoryOnlyOnceItsTimeHasCome() {
    db.update(
        "UPDATE story SET published_at = CAST('2026-12-02 08:00:00' AS TIMESTAMP)"
            + " WHERE slug = 'my-aasr-story-chantelle-hyde'");

    assertTrue(content.publishedStory("my-aasr-story-chantelle-hyde").isEmpty());
    assertEquals(
        "my-aasr-story-chantelle-hyde",
        slugs(at(Instant.parse("2026-12-02T08:00:00Z")).latestStories(1)).get(0));
  }

  @Test
  void tellsWhenTheNextScheduledStoryBecomesPublic() {
    assertEquals(Optional.empty(), content.nextScheduledPublication(), "nothing waits in the seed");
    db.update(
        "UPDATE story SET published_at = CAST('2026-12-02 08:00:00' AS TIMESTAMP)"
            + " WHERE slug = 'my-aasr-story-chantelle-hyde'");
    db.update(
        "UPDATE story SET published_at = CAST('2026-12-03 09:30:00' AS TIMESTAMP)"
            + " WHERE slug = 'meet-christopher-ripke'");

    assertEquals(
        Optional.of(Instant.parse("2026-12-02T08:00:00Z")), content.nextScheduledPublication());
    assertEquals(
        Optional.of(Instant.parse("2026-12-03T09:30:00Z")),
        at(Instant.parse("2026-12-02T08:00:00Z")).nextScheduledPublication(),
        "a story whose time has come is no longer waiting");
  }

  @Test
  void servesTheMissionAndTheExplainer() {
    PageContent mission = content.publishedPage("mission").orElseThrow();
    PageContent about = content.publishedPage("about-seclusion-and-restraint").orElseThrow();

    assertTrue(mission.summary().startsWith("Our mission is to inform changes in policy"));
    assertTrue(about.bodyHtml().contains("According to federal guidance"));
    assertEquals(3, content.publishedPages().size());
  }

  @Test
  void countsPublishedStoriesPerCategory() {
    List<CategoryInfo> categories = content.categories();

    assertEquals(
        List.of("my-aasr-story 2", "news 0", "volunteer-spotlight 2"),
        categories.stream().map(c -> c.slug() + " " + c.publishedStories()).toList());
    assertEquals("News from the Alliance and the movement.", categories.get(1).description());
  }

  @Test
  void anOldAddressLeadsToTheStorysCurrentOne() {
    db.update(
        "INSERT INTO story_old_slug (old_slug, story_id)"
            + " SELECT 'jennifers-story', id FROM story WHERE slug = 'my-aasr-story-jennifer-abbanat'");

    assertEquals(
        Optional.of("my-aasr-story-jennifer-abbanat"), content.renamedStory("jennifers-story"));
    assertEquals(Optional.empty(), content.renamedStory("never-used"));
  }

  @Test
  void anOldAddressOfADraftLeadsNowhere() {
    db.update(
        "INSERT INTO story_old_slug (old_slug, story_id)"
            + " SELECT 'jennifers-story', id FROM story WHERE slug = 'my-aasr-story-jennifer-abbanat'");
    db.update("UPDATE story SET status = 'DRAFT' WHERE slug = 'my-aasr-story-jennifer-abbanat'");

    assertEquals(Optional.empty(), content.renamedStory("jennifers-story"));
  }

  @Test
  void theHomePageListsFeaturedStoriesFirst() {
    db.update("UPDATE story SET featured = TRUE WHERE slug = 'my-aasr-story-chantelle-hyde'");

    assertEquals(
        List.of(
            "my-aasr-story-chantelle-hyde",
            "volunteers-lead-the-way-to-change",
            "meet-christopher-ripke"),
        slugs(content.homeStories(3)));
    assertEquals("volunteers-lead-the-way-to-change", slugs(content.latestStories(1)).get(0));
  }
}
