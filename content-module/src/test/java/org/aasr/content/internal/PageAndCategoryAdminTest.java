package org.aasr.content.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.aasr.content.api.CategoryForm;
import org.aasr.content.api.ConcurrentChangeException;
import org.aasr.content.api.ContentAction;
import org.aasr.content.api.ContentChanged;
import org.aasr.content.api.ContentRejectedException;
import org.aasr.content.api.PageContent;
import org.aasr.content.api.PageForm;
import org.aasr.content.api.StoryForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's pages and categories, built by hand on a real embedded Derby with EclipseLink. The
 * tests share one database, so each works on pages and categories of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageAndCategoryAdminTest {

  private ConsoleFixture console;
  private ConsoleFixture.Editor editor;

  @BeforeAll
  void open(@TempDir Path dataDir) {
    console = new ConsoleFixture(dataDir);
    editor = console.editor();
  }

  @AfterAll
  void close() {
    console.close();
  }

  private PageForm savePage(PageForm form) {
    return editor.inTransaction(() -> editor.pages.save(form));
  }

  private CategoryForm saveCategory(CategoryForm form) {
    return editor.inTransaction(() -> editor.categories.save(form));
  }

  private ContentChanged lastEvent() {
    return console.events.get(console.events.size() - 1);
  }

  @Test
  void createsAPageThatVisitorsReadOnceItIsPublished() {
    PageForm saved =
        savePage(new PageForm(true, 0, "our-history", "Our history", "S", "<p>Text</p>", false));
    assertTrue(console.visitor().publishedPage("our-history").isEmpty(), "hidden");
    assertEquals(ContentAction.PAGE_CREATED, lastEvent().action());

    savePage(
        new PageForm(false, saved.version(), "our-history", "Our history", "S", "<p>T</p>", true));

    assertEquals("Our history", console.visitor().publishedPage("our-history").get().title());
    assertEquals(ContentAction.PAGE_UPDATED, lastEvent().action());
    assertEquals("our-history", lastEvent().subjectId());
  }

  @Test
  void aNewPageNeedsAnAddressByTheRules() {
    var refused =
        assertThrows(
            ContentRejectedException.class,
            () -> savePage(new PageForm(true, 0, "Our History", "T", "S", "<p>x</p>", true)));

    assertEquals("slug", refused.field());
    assertEquals(
        "Use lower-case letters, digits and single hyphens, such as our-history.",
        refused.getMessage());
  }

  @Test
  void aNewPageCannotTakeAnotherPagesAddress() {
    var refused =
        assertThrows(
            ContentRejectedException.class,
            () -> savePage(new PageForm(true, 0, "mission", "T", "S", "<p>x</p>", true)));

    assertEquals("Another page has this address already.", refused.getMessage());
  }

  @Test
  void aPageSaveAfterSomeoneElsesIsRefused() {
    PageForm opened =
        savePage(new PageForm(true, 0, "shared-page", "Shared", "S", "<p>x</p>", true));
    savePage(new PageForm(false, opened.version(), "shared-page", "Theirs", "S", "<p>x</p>", true));

    var conflict =
        assertThrows(
            ConcurrentChangeException.class,
            () ->
                savePage(
                    new PageForm(
                        false, opened.version(), "shared-page", "Mine", "S", "<p>x</p>", true)));

    assertEquals(
        "Someone else saved this page after you opened it. Nothing was saved: reload it to see"
            + " their changes, then make yours again.",
        conflict.getMessage());
  }

  @Test
  void pageTextLosesControlCharactersButKeepsLineBreaks() {
    savePage(
        new PageForm(
            true,
            0,
            "clean-page",
            "Clean\u0000 page\u0008",
            "One\u0000\r\ntwo",
            "<p>Body\u0001</p>",
            true));

    PageContent page = console.visitor().publishedPage("clean-page").orElseThrow();
    assertEquals("Clean page", page.title());
    assertEquals("One\ntwo", page.summary());
    assertEquals("<p>Body</p>", page.bodyHtml());
  }

  @Test
  void createsRenamesAndDeletesACategory() {
    CategoryForm created =
        saveCategory(new CategoryForm(true, 0, "", "Court Cases", "Rulings.", 0));
    assertEquals("court-cases", created.slug());
    assertEquals(ContentAction.CATEGORY_CREATED, lastEvent().action());

    CategoryForm renamed =
        saveCategory(
            new CategoryForm(false, created.version(), "court-cases", "Court rulings", "", 0));
    assertEquals("Court rulings", renamed.name());
    assertEquals("", renamed.description());
    assertEquals(ContentAction.CATEGORY_UPDATED, lastEvent().action());
    assertTrue(
        lastEvent().summary().contains("\"Court Cases\"")
            && lastEvent().summary().contains("→ \"Court rulings\""));

    editor.inTransaction(() -> editor.categories.delete("court-cases", renamed.version()));

    assertTrue(editor.read(() -> editor.categories.category("court-cases")).isEmpty());
    assertEquals(ContentAction.CATEGORY_DELETED, lastEvent().action());
  }

  @Test
  void aCategoryNameInUseIsRefusedInAnyCase() {
    var refused =
        assertThrows(
            ContentRejectedException.class,
            () -> saveCategory(new CategoryForm(true, 0, "news-two", "NEWS", "", 0)));

    assertEquals("name", refused.field());
    assertEquals("Another category has this name already.", refused.getMessage());
  }

  @Test
  void aCategoryAddressInUseIsRefused() {
    var refused =
        assertThrows(
            ContentRejectedException.class,
            () -> saveCategory(new CategoryForm(true, 0, "news", "Other news", "", 0)));

    assertEquals("slug", refused.field());
    assertEquals("Another category has this address already.", refused.getMessage());
  }

  @Test
  void aCategoryWithAStoryIsNotDeleted() {
    CategoryForm category = saveCategory(new CategoryForm(true, 0, "", "Holding", "", 0));
    StoryForm f = StoryAdminTest.newStory("Held story", "");
    editor.inTransaction(
        () ->
            editor.stories.save(
                new StoryForm(
                    null,
                    0,
                    f.title(),
                    "",
                    f.excerpt(),
                    f.bodyHtml(),
                    f.author(),
                    "holding",
                    false,
                    null,
                    false,
                    null,
                    null)));

    var refused =
        assertThrows(
            ContentRejectedException.class,
            () ->
                editor.inTransaction(
                    () -> editor.categories.delete("holding", category.version())));

    assertEquals(
        "A story is still in this category. Move it to another category first, then delete it.",
        refused.getMessage());
  }

  @Test
  void aCategoryDeleteAfterSomeoneElsesSaveIsRefused() {
    CategoryForm opened = saveCategory(new CategoryForm(true, 0, "", "Renamed soon", "", 0));
    saveCategory(new CategoryForm(false, opened.version(), opened.slug(), "Renamed now", "", 0));

    var conflict =
        assertThrows(
            ConcurrentChangeException.class,
            () ->
                editor.inTransaction(
                    () -> editor.categories.delete(opened.slug(), opened.version())));

    assertEquals(
        "Someone else saved this category after you opened it. Nothing was deleted.",
        conflict.getMessage());
  }

  @Test
  void categoryTextLosesControlCharacters() {
    CategoryForm saved =
        saveCategory(
            new CategoryForm(true, 0, "", "Bell\u0007 news", "Line\u0000 one\nline two", 0));

    assertEquals("bell-news", saved.slug());
    assertEquals("Bell news", saved.name());
    assertEquals("Line one\nline two", saved.description());
  }
}
