package org.aasr.content.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aasr.content.api.CategoryInfo;
import org.aasr.content.api.ContentService;
import org.aasr.content.api.ControlCharacters;
import org.aasr.content.api.PageContent;
import org.aasr.content.api.ResultPage;
import org.aasr.content.api.StoryDetail;
import org.aasr.content.api.StorySummary;

/**
 * Reads published content through JPA and hands it out as the api's records.
 *
 * <p>It reads outside any transaction: every query is a read and the entities never leave this
 * class, so there is nothing to flush and no lazy association to trip over in a view.
 *
 * <p>Text leaves it without control characters ({@link ControlCharacters}), as the console saves
 * it: content stored before that rule, or by hand in SQL, cannot break a page, the feed or the
 * sitemap.
 */
@ApplicationScoped
class DefaultContentService implements ContentService {

  @PersistenceContext(unitName = "content")
  private EntityManager em;

  @Inject ImageStore images;

  private Clock clock = Clock.systemUTC();

  /** For CDI. */
  DefaultContentService() {}

  /** For tests outside the container, with their own entity manager and clock. */
  DefaultContentService(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  @Override
  public List<StorySummary> latestStories(int limit) {
    return stories("Story.findPublished", limit);
  }

  @Override
  public List<StorySummary> homeStories(int limit) {
    return stories("Story.findForHome", limit);
  }

  private List<StorySummary> stories(String namedQuery, int limit) {
    if (limit < 1 || limit > ResultPage.MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("limit must be 1 to " + ResultPage.MAX_PAGE_SIZE);
    }
    return em
        .createNamedQuery(namedQuery, Story.class)
        .setParameter("published", PublicationStatus.PUBLISHED)
        .setParameter("now", now())
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(DefaultContentService::toSummary)
        .toList();
  }

  @Override
  public ResultPage<StorySummary> publishedStories(String categorySlug, int page, int pageSize) {
    if (page < 1) {
      throw new IllegalArgumentException("page must be 1 or more");
    }
    if (pageSize < 1 || pageSize > ResultPage.MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be 1 to " + ResultPage.MAX_PAGE_SIZE);
    }
    boolean all = categorySlug == null;
    var count =
        em.createNamedQuery(
                all ? "Story.countPublished" : "Story.countPublishedInCategory", Long.class)
            .setParameter("published", PublicationStatus.PUBLISHED)
            .setParameter("now", now());
    var find =
        em.createNamedQuery(
                all ? "Story.findPublished" : "Story.findPublishedInCategory", Story.class)
            .setParameter("published", PublicationStatus.PUBLISHED)
            .setParameter("now", now());
    if (!all) {
      count.setParameter("category", categorySlug);
      find.setParameter("category", categorySlug);
    }
    long total = count.getSingleResult();
    long first = (long) (page - 1) * pageSize;
    List<StorySummary> items =
        first >= total
            ? List.of()
            : find.setFirstResult((int) first).setMaxResults(pageSize).getResultList().stream()
                .map(DefaultContentService::toSummary)
                .toList();
    return new ResultPage<>(items, page, pageSize, total);
  }

  @Override
  public Optional<StoryDetail> publishedStory(String slug) {
    return em.createNamedQuery("Story.findPublishedBySlug", Story.class)
        .setParameter("slug", slug)
        .setParameter("published", PublicationStatus.PUBLISHED)
        .setParameter("now", now())
        .getResultStream()
        .findFirst()
        .map(
            s ->
                new StoryDetail(
                    toSummary(s),
                    text(s.getBody()),
                    toInstant(s.getUpdatedAt()),
                    s.getImageFile(),
                    line(s.getImageAlt())));
  }

  @Override
  public Optional<Path> storyImage(String fileName) {
    return images.find(fileName);
  }

  @Override
  public Optional<String> renamedStory(String oldSlug) {
    return em.createNamedQuery("OldSlug.currentSlug", String.class)
        .setParameter("slug", oldSlug)
        .setParameter("published", PublicationStatus.PUBLISHED)
        .setParameter("now", now())
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<PageContent> publishedPage(String slug) {
    return em.createNamedQuery("SitePage.findPublishedBySlug", SitePage.class)
        .setParameter("slug", slug)
        .setParameter("published", PublicationStatus.PUBLISHED)
        .getResultStream()
        .findFirst()
        .map(DefaultContentService::toPage);
  }

  @Override
  public List<PageContent> publishedPages() {
    return em.createNamedQuery("SitePage.findPublished", SitePage.class)
        .setParameter("published", PublicationStatus.PUBLISHED)
        .getResultStream()
        .map(DefaultContentService::toPage)
        .toList();
  }

  @Override
  public List<CategoryInfo> categories() {
    Map<String, Long> counts = new HashMap<>();
    em.createNamedQuery("Story.countPublishedByCategory", Object[].class)
        .setParameter("published", PublicationStatus.PUBLISHED)
        .setParameter("now", now())
        .getResultList()
        .forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
    return em.createNamedQuery("Category.findAll", Category.class).getResultList().stream()
        .map(
            c ->
                new CategoryInfo(
                    line(c.getSlug()),
                    line(c.getName()),
                    text(c.getDescription()),
                    counts.getOrDefault(c.getSlug(), 0L)))
        .toList();
  }

  @Override
  public Optional<CategoryInfo> category(String slug) {
    return categories().stream().filter(c -> c.slug().equals(slug)).findFirst();
  }

  @Override
  public Optional<Instant> nextScheduledPublication() {
    LocalDateTime next =
        em.createNamedQuery("Story.nextScheduled", LocalDateTime.class)
            .setParameter("published", PublicationStatus.PUBLISHED)
            .setParameter("now", now())
            .getSingleResult();
    return Optional.ofNullable(toInstant(next));
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
  }

  private static StorySummary toSummary(Story s) {
    Category c = s.getCategory();
    return new StorySummary(
        line(s.getSlug()),
        line(s.getTitle()),
        text(s.getExcerpt()),
        line(s.getAuthor()),
        new CategoryInfo(line(c.getSlug()), line(c.getName()), text(c.getDescription()), 0),
        toInstant(s.getPublishedAt()),
        s.isExcerptOnly());
  }

  private static PageContent toPage(SitePage p) {
    return new PageContent(
        line(p.getSlug()),
        line(p.getTitle()),
        text(p.getSummary()),
        text(p.getBody()),
        toInstant(p.getUpdatedAt()));
  }

  private static String line(String stored) {
    return ControlCharacters.removeFromLine(stored);
  }

  private static String text(String stored) {
    return ControlCharacters.removeFromText(stored);
  }

  private static Instant toInstant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }
}
