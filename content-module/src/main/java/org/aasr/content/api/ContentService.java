package org.aasr.content.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the public site reads: published stories and pages.
 *
 * <p>"Published" means published with a publication time that has passed, so a story scheduled for
 * later stays hidden until its time without anyone restarting anything. Slugs are compared as
 * given; the web layer decides which URLs are valid before asking.
 */
public interface ContentService {

  /** The most recent published stories, newest first, at most {@code limit} of them. */
  List<StorySummary> latestStories(int limit);

  /**
   * The stories the home page lists: those the editors feature first, newest first, then the latest
   * others, at most {@code limit} in all.
   */
  List<StorySummary> homeStories(int limit);

  /**
   * One page of published stories, newest first.
   *
   * @param categorySlug only stories of this category, or {@code null} for all
   * @param page the 1-based page number; a number past the last page gives an empty page
   * @param pageSize how many stories a page holds, 1 to {@link ResultPage#MAX_PAGE_SIZE}
   * @throws IllegalArgumentException when {@code page} or {@code pageSize} is out of range
   */
  ResultPage<StorySummary> publishedStories(String categorySlug, int page, int pageSize);

  /** A published story by its slug; empty for an unknown, draft or not yet due story. */
  Optional<StoryDetail> publishedStory(String slug);

  /**
   * The current slug of a published story that used to have the given one, so that old links keep
   * working; empty when no story had it.
   */
  Optional<String> renamedStory(String oldSlug);

  /** The file of a stored story image, by the name the story gives; empty for any other name. */
  Optional<Path> storyImage(String fileName);

  /** A published content page (mission, explainer…) by its slug. */
  Optional<PageContent> publishedPage(String slug);

  /** Every published page, for the sitemap. */
  List<PageContent> publishedPages();

  /** The story categories in name order, each with its number of published stories. */
  List<CategoryInfo> categories();

  /** A category by its slug. */
  Optional<CategoryInfo> category(String slug);

  /**
   * When the next story scheduled for later becomes public; empty when none is waiting. Whatever
   * keeps copies of public pages must drop them then, since no change event marks that moment.
   */
  Optional<Instant> nextScheduledPublication();
}
