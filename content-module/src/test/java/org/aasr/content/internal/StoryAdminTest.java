package org.aasr.content.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.aasr.content.api.ConcurrentChangeException;
import org.aasr.content.api.ContentAction;
import org.aasr.content.api.ContentChanged;
import org.aasr.content.api.ContentRejectedException;
import org.aasr.content.api.StoryDetail;
import org.aasr.content.api.StoryForm;
import org.aasr.content.api.StoryListItem;
import org.aasr.content.api.StoryState;
import org.aasr.content.api.StorySummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's stories, built by hand on a real embedded Derby with EclipseLink. The tests share
 * one database (migrating one takes seconds), so each works on stories of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoryAdminTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private ConsoleFixture console;
  private ConsoleFixture.Editor editor;

  @BeforeAll
  void open(@TempDir Path dataDir) {
    console = new ConsoleFixture(dataDir);
    editor = console.editor();
  }

  @BeforeEach
  void resetClock() {
    console.clock.set(NOW);
  }

  @AfterAll
  void close() {
    console.close();
  }

  static StoryForm newStory(String title, String slug) {
    return new StoryForm(
        null,
        0,
        title,
        slug,
        "An excerpt.",
        "<p>The text.</p>",
        "A. Author",
        "news",
        true,
        null,
        false,
        null,
        null);
  }

  static StoryForm retitled(StoryForm s, String title) {
    return new StoryForm(
        s.id(),
        s.version(),
        title,
        s.slug(),
        s.excerpt(),
        s.bodyHtml(),
        s.author(),
        s.categorySlug(),
        s.published(),
        s.publishAt(),
        s.featured(),
        s.imageFile(),
        s.imageAlt());
  }

  private StoryForm save(StoryForm form) {
    return editor.inTransaction(() -> editor.stories.save(form));
  }

  private ContentChanged lastEvent() {
    return console.events.get(console.events.size() - 1);
  }

  @Test
  void createsAStoryWithAnAddressMadeFromItsTitleAndTellsTheAuditLog() {
    StoryForm saved = save(newStory("Rally at the Capitol: 2027!", ""));

    assertEquals("rally-at-the-capitol-2027", saved.slug());
    assertEquals(saved, editor.read(() -> editor.stories.story(saved.id())).orElseThrow());
    ContentChanged event = lastEvent();
    assertEquals(ContentAction.STORY_CREATED, event.action());
    assertEquals(ConsoleFixture.EDITOR, event.actor());
    assertEquals("rally-at-the-capitol-2027", event.subjectId());
    assertTrue(event.summary().startsWith("created: \"Rally at the Capitol: 2027!\""));
  }

  @Test
  void aPublishedStoryWithoutATimeIsPublishedNowByTheClock() {
    StoryForm saved = save(newStory("Now", ""));

    assertEquals(Instant.parse("2026-12-01T10:00:00Z"), saved.publishAt());
    assertTrue(console.visitor().publishedStory("now").isPresent());
  }

  @Test
  void updatesAStoryAndKeepsItsOldAddressLeadingToTheNewOne() {
    StoryForm first = save(newStory("First title", ""));
    StoryForm changed =
        save(
            new StoryForm(
                first.id(),
                first.version(),
                "Second title",
                "second-title",
                "Another excerpt.",
                "<p>New text.</p>",
                "B. Author",
                "news",
                true,
                null,
                true,
                null,
                null));

    assertEquals(first.version() + 1, changed.version());
    assertEquals("Second title", changed.title());
    assertEquals(Optional.of("second-title"), console.visitor().renamedStory("first-title"));
    assertEquals(ContentAction.STORY_UPDATED, lastEvent().action());
    assertTrue(lastEvent().summary().contains("\"First title\" at /stories/first-title"));
    assertTrue(lastEvent().summary().contains("→ \"Second title\" at /stories/second-title"));
  }

  @Test
  void deletesAStoryAndItsOldAddresses() {
    StoryForm first = save(newStory("Doomed", ""));
    StoryForm renamed = save(retitledWithSlug(first, "Doomed", "doomed-renamed"));

    editor.inTransaction(() -> editor.stories.delete(renamed.id(), renamed.version()));

    assertTrue(editor.read(() -> editor.stories.story(renamed.id())).isEmpty());
    assertEquals(
        0, console.db.count("SELECT COUNT(*) FROM story_old_slug WHERE old_slug = 'doomed'"));
    assertEquals(ContentAction.STORY_DELETED, lastEvent().action());
    assertEquals("doomed-renamed", lastEvent().subjectId());
  }

  private static StoryForm retitledWithSlug(StoryForm s, String title, String slug) {
    StoryForm t = retitled(s, title);
    return new StoryForm(
        t.id(),
        t.version(),
        t.title(),
        slug,
        t.excerpt(),
        t.bodyHtml(),
        t.author(),
        t.categorySlug(),
        t.published(),
        t.publishAt(),
        t.featured(),
        t.imageFile(),
        t.imageAlt());
  }

  @Test
  void refusesAnAddressThatBreaksTheRulesNextToTheField() {
    var refused =
        assertThrows(ContentRejectedException.class, () -> save(newStory("Fine title", "Not OK!")));

    assertEquals("slug", refused.field());
    assertEquals(
        "Use lower-case letters, digits and single hyphens, such as my-story-title.",
        refused.getMessage());
  }

  @Test
  void refusesAnAddressAnotherStoryHas() {
    var refused =
        assertThrows(
            ContentRejectedException.class,
            () -> save(newStory("Copy", "my-aasr-story-chantelle-hyde")));

    assertEquals("slug", refused.field());
    assertEquals("Another story has this address already.", refused.getMessage());
  }

  @Test
  void refusesAnUnknownCategory() {
    StoryForm f = newStory("Lost", "");
    StoryForm form =
        new StoryForm(
            null,
            0,
            f.title(),
            "",
            f.excerpt(),
            f.bodyHtml(),
            f.author(),
            "no-such",
            true,
            null,
            false,
            null,
            null);

    assertEquals(
        "category", assertThrows(ContentRejectedException.class, () -> save(form)).field());
  }

  @Test
  void aSaveAfterSomeoneElsesIsRefusedWithTheConflictMessageAndChangesNothing() {
    StoryForm opened = save(newStory("Shared save", ""));
    save(retitled(opened, "Theirs"));
    int events = console.events.size();

    var conflict =
        assertThrows(ConcurrentChangeException.class, () -> save(retitled(opened, "Mine")));

    assertEquals(
        "Someone else saved this story after you opened it. Nothing was saved: reload it to see"
            + " their changes, then make yours again.",
        conflict.getMessage());
    assertEquals("Theirs", editor.read(() -> editor.stories.story(opened.id())).get().title());
    assertEquals(events, console.events.size(), "no event for a change not made");
  }

  @Test
  void aDeleteAfterSomeoneElsesSaveIsRefused() {
    StoryForm opened = save(newStory("Shared delete", ""));
    save(retitled(opened, "Theirs"));

    var conflict =
        assertThrows(
            ConcurrentChangeException.class,
            () -> editor.inTransaction(() -> editor.stories.delete(opened.id(), opened.version())));

    assertEquals(
        "Someone else saved this story after you opened it. Nothing was deleted.",
        conflict.getMessage());
  }

  @Test
  void savingAStorySomeoneDeletedSaysSo() {
    StoryForm opened = save(newStory("Gone soon", ""));
    editor.inTransaction(() -> editor.stories.delete(opened.id(), opened.version()));

    assertEquals(
        "This story was deleted by someone else.",
        assertThrows(ConcurrentChangeException.class, () -> save(retitled(opened, "x")))
            .getMessage());
  }

  @Test
  void aScheduledStoryIsScheduledUntilTheClockReachesItsTime() {
    Instant at = Instant.parse("2026-12-01T12:00:00Z");
    StoryForm f = newStory("Later", "");
    save(
        new StoryForm(
            null,
            0,
            f.title(),
            "",
            f.excerpt(),
            f.bodyHtml(),
            f.author(),
            "news",
            true,
            at,
            false,
            null,
            null));

    assertEquals(StoryState.SCHEDULED, state("Later"));
    assertTrue(console.visitor().publishedStory("later").isEmpty());
    assertTrue(
        editor.read(() -> editor.stories.unpublishedStories(10)).stream()
            .anyMatch(s -> s.slug().equals("later")));

    console.clock.set(at.plus(Duration.ofMinutes(1)));

    assertEquals(StoryState.PUBLISHED, state("Later"));
    assertTrue(console.visitor().publishedStory("later").isPresent());
  }

  @Test
  void aDraftIsADraft() {
    StoryForm f = newStory("Unfinished", "");
    save(
        new StoryForm(
            null,
            0,
            f.title(),
            "",
            f.excerpt(),
            f.bodyHtml(),
            f.author(),
            "news",
            false,
            null,
            false,
            null,
            null));

    assertEquals(StoryState.DRAFT, state("Unfinished"));
  }

  private StoryState state(String title) {
    List<StoryListItem> found = editor.read(() -> editor.stories.stories(title, null, true, 0, 10));
    assertEquals(1, found.size());
    return found.get(0).state();
  }

  @Test
  void refusesEveryoneWhoIsNotAnEditor() {
    var nobody = new ContentRules(Optional::empty, e -> {}, console.clock);
    var stories = new DefaultStoryAdmin(editor.em, nobody, console.images, Runnable::run);

    assertThrows(SecurityException.class, () -> stories.countStories(null));
    assertThrows(SecurityException.class, () -> stories.save(newStory("No", "")));
  }

  @Test
  void controlCharactersNeverReachTheDatabase() {
    StoryForm f = newStory("", "");
    StoryForm saved =
        save(
            new StoryForm(
                null,
                0,
                "A\u0000 NUL\u0007 title\n",
                "",
                "Line one\r\nline two\u001B",
                "<p>Body\u0000 text</p>\n<p>more\u0085</p>",
                "Au\u0000thor\tname",
                "news",
                true,
                null,
                false,
                null,
                null));

    assertEquals("A NUL title", saved.title());
    assertEquals("a-nul-title", saved.slug());
    assertEquals("Line one\nline two", saved.excerpt());
    assertEquals("<p>Body text</p>\n<p>more</p>", saved.bodyHtml());
    assertEquals("Author name", saved.author());
    assertEquals(
        1,
        console.db.count(
            "SELECT COUNT(*) FROM story WHERE slug = 'a-nul-title' AND title = 'A NUL title'"));
  }

  @Test
  void aTitleStoredWithANulBySqlReachesVisitorsWithoutIt() throws Exception {
    try (Connection c = console.db.dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("UPDATE story SET title = ?, excerpt = ? WHERE slug = ?")) {
      s.setString(1, "Meet\u0000 Christopher\uFFFF");
      s.setString(2, "An\u0001 excerpt\uD800");
      s.setString(3, "meet-christopher-ripke");
      assertEquals(1, s.executeUpdate());
    }

    StoryDetail story = console.visitor().publishedStory("meet-christopher-ripke").orElseThrow();
    StorySummary listed =
        console.visitor().latestStories(10).stream()
            .filter(s -> s.slug().equals("meet-christopher-ripke"))
            .findFirst()
            .orElseThrow();

    assertEquals("Meet Christopher", story.summary().title());
    assertEquals("An excerpt", listed.excerpt());
  }

  @Test
  void aReplacedPictureIsDeletedOnceTheChangeIsSavedAndNotBefore() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
    String first = editor.read(() -> editor.stories.storeImage(png));
    String second = editor.read(() -> editor.stories.storeImage(png));
    StoryForm f = newStory("Pictured", "");
    StoryForm saved =
        save(
            new StoryForm(
                null,
                0,
                f.title(),
                "",
                f.excerpt(),
                f.bodyHtml(),
                f.author(),
                "news",
                true,
                null,
                false,
                first,
                "A\u0000 picture"));
    assertEquals("A picture", saved.imageAlt());
    Path firstFile = console.images.find(first).orElseThrow();

    StoryForm withSecond =
        new StoryForm(
            saved.id(),
            saved.version(),
            saved.title(),
            saved.slug(),
            saved.excerpt(),
            saved.bodyHtml(),
            saved.author(),
            "news",
            true,
            null,
            false,
            second,
            "Another");
    assertThrows(
        ContentRejectedException.class,
        () ->
            editor.inTransaction(
                () -> {
                  editor.stories.save(withSecond);
                  throw new ContentRejectedException("x", "rolled back after the save");
                }));
    assertTrue(Files.exists(firstFile), "kept when the change is rolled back");

    save(withSecond);

    assertFalse(Files.exists(firstFile), "deleted once the change is committed");
    assertTrue(console.images.find(second).isPresent());
  }
}
