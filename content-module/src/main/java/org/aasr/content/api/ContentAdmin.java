package org.aasr.content.api;

import java.util.List;
import java.util.Optional;

/**
 * What the staff do with content in the admin console: stories (list, write, publish, schedule,
 * delete), pages such as the mission (create, edit, publish, unpublish) and story categories.
 *
 * <p>Every method checks that the caller may manage content ({@link ContentEditors}), whatever page
 * called it. Every change fires a {@link ContentChanged} event in its transaction, which the
 * console's audit log records. Story text is cleaned with an allow-list when it is saved, so what a
 * visitor is served never carries a script, an event handler or a {@code javascript:} link.
 */
public interface ContentAdmin {

  /** The largest picture a story may have, in bytes (5 MB). */
  int MAX_IMAGE_BYTES = 5 * 1024 * 1024;

  /**
   * A page of all stories, drafts and scheduled ones included.
   *
   * @param titleContains only stories whose title contains this text (any case), or null
   * @param order what to sort by; null for the most recently changed first
   * @param ascending whether to sort from A to Z, oldest to newest (ignored when order is null)
   */
  List<StoryListItem> stories(
      String titleContains, StoryOrder order, boolean ascending, int first, int max);

  /** How many stories {@link #stories} pages through. */
  long countStories(String titleContains);

  /**
   * Drafts and scheduled stories, most recently changed first: what an editor may want to finish.
   */
  List<StoryListItem> unpublishedStories(int max);

  /** A story as the edit form shows it. */
  Optional<StoryForm> story(long id);

  /**
   * Checks and stores a picture for a story: PNG, JPEG, GIF or WebP, at most 5 MB, recognised by
   * its content.
   *
   * @return the stored name, to put in {@link StoryForm#imageFile()}
   * @throws ContentRejectedException (field {@code image}) when it is not such a picture
   */
  String storeImage(byte[] content);

  /**
   * Saves a new story or changes an existing one ({@code form.id()} null or not).
   *
   * @return the story as saved: its slug, cleaned text and new version
   * @throws ContentRejectedException when a field is not acceptable (e.g. the slug is taken)
   * @throws ConcurrentChangeException when someone else saved the story since it was opened
   */
  StoryForm save(StoryForm form);

  /**
   * Deletes a story.
   *
   * @throws ConcurrentChangeException when someone else saved it since it was opened
   */
  void delete(long id, int version);

  /** Every content page, published or not, by title. */
  List<PageForm> pages();

  /** A content page as the edit form shows it. */
  Optional<PageForm> page(String slug);

  /**
   * Creates a page ({@code form.isNew()}) or changes one.
   *
   * @throws ContentRejectedException when a field is not acceptable (e.g. the address is taken)
   * @throws ConcurrentChangeException when someone else saved the page since it was opened
   */
  PageForm savePage(PageForm form);

  /** Every category, for the story form. */
  List<CategoryInfo> categories();

  /** Every category by name, with how many stories it holds, drafts included. */
  List<CategoryForm> categoryForms();

  /** A category as the edit form shows it. */
  Optional<CategoryForm> category(String slug);

  /**
   * Creates a category ({@code form.isNew()}) or renames and describes one.
   *
   * @throws ContentRejectedException when a field is not acceptable (e.g. the name is taken)
   * @throws ConcurrentChangeException when someone else saved the category since it was opened
   */
  CategoryForm saveCategory(CategoryForm form);

  /**
   * Deletes a category that holds no story.
   *
   * @throws ContentRejectedException (field {@code category}) while stories are in it
   * @throws ConcurrentChangeException when someone else saved it since it was opened
   */
  void deleteCategory(String slug, int version);
}
