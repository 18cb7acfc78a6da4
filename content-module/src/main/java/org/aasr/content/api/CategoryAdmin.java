package org.aasr.content.api;

import java.util.List;
import java.util.Optional;

/**
 * What editors do with story categories in the admin console: add, rename, describe and delete
 * them, and choose one for a story.
 *
 * <p>As for stories ({@link StoryAdmin}), every method checks the caller with {@link
 * ContentEditors}, every change fires a {@link ContentChanged} event, and a concurrent save or a
 * taken address is refused with the same message at any timing. A category is deleted only once no
 * story is in it, also when a story is filed under it while it is being deleted.
 */
public interface CategoryAdmin {

  /** Every category by name, for choosing one in the story form. */
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
  CategoryForm save(CategoryForm form);

  /**
   * Deletes a category that holds no story; a category that is already gone is left so.
   *
   * @throws ContentRejectedException (field {@code category}) while stories are in it
   * @throws ConcurrentChangeException when someone else saved it since it was opened
   */
  void delete(String slug, int version);
}
