package org.aasr.content.api;

import java.util.List;
import java.util.Optional;

/**
 * What editors do with the site's content pages, such as the mission, in the admin console: create,
 * edit, publish and hide them. (Pages are never deleted: a hidden page keeps its address reserved.)
 *
 * <p>As for stories ({@link StoryAdmin}), every method checks the caller with {@link
 * ContentEditors}, every change fires a {@link ContentChanged} event, text is cleaned when saved,
 * and a concurrent save or a taken address is refused with the same message at any timing.
 */
public interface PageAdmin {

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
  PageForm save(PageForm form);
}
