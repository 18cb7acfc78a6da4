package org.aasr.content.api;

import java.util.List;
import java.util.Optional;

/**
 * What editors do with stories in the admin console: list, write, publish, schedule, picture and
 * delete them.
 *
 * <p>Every method checks that the caller may manage content ({@link ContentEditors}), whatever page
 * called it, and every change fires a {@link ContentChanged} event in its transaction, which the
 * console's audit log records. Story text is cleaned with an allow-list and stripped of control
 * characters ({@link ControlCharacters}) when it is saved, so what a visitor is served never
 * carries a script, an event handler, a {@code javascript:} link or a character that breaks XML.
 *
 * <p>Two editors saving the same story get a {@link ConcurrentChangeException}, and two stories
 * taking the same address a {@link ContentRejectedException}, with the same message whether the
 * second save comes after the first or at the very same moment.
 */
public interface StoryAdmin {

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
   * Deletes a story; a story that is already gone is left so.
   *
   * @throws ConcurrentChangeException when someone else saved it since it was opened
   */
  void delete(long id, int version);
}
