package org.aasr.content.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.aasr.content.api.CategoryForm;
import org.aasr.content.api.CategoryInfo;
import org.aasr.content.api.ConcurrentChangeException;
import org.aasr.content.api.ContentAction;
import org.aasr.content.api.ContentAdmin;
import org.aasr.content.api.ContentChanged;
import org.aasr.content.api.ContentEditors;
import org.aasr.content.api.ContentRejectedException;
import org.aasr.content.api.PageForm;
import org.aasr.content.api.StoryForm;
import org.aasr.content.api.StoryListItem;
import org.aasr.content.api.StoryOrder;

/** Story management for the console, over JPA. */
@ApplicationScoped
@Transactional
class DefaultContentAdmin implements ContentAdmin {

  @PersistenceContext(unitName = "content")
  EntityManager em;

  @Inject ContentEditors editors;
  @Inject Event<ContentChanged> changes;
  @Inject ImageStore images;

  @Resource TransactionSynchronizationRegistry transactions;

  private final Clock clock = Clock.systemUTC();

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<StoryListItem> stories(
      String titleContains, StoryOrder order, boolean ascending, int first, int max) {
    requireEditor();
    LocalDateTime now = now();
    return query(titleContains, order == null ? "" : orderBy(order, ascending), Story.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultStream()
        .map(s -> toListItem(s, now))
        .toList();
  }

  private static StoryListItem toListItem(Story s, LocalDateTime now) {
    return new StoryListItem(
        s.getId(),
        s.getTitle(),
        s.getSlug(),
        s.getCategory().getName(),
        state(s, now),
        toInstant(s.getPublishedAt()),
        toInstant(s.getUpdatedAt()));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<StoryListItem> unpublishedStories(int max) {
    requireEditor();
    LocalDateTime now = now();
    return em.createNamedQuery("Story.findUnpublished", Story.class)
        .setParameter("draft", PublicationStatus.DRAFT)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultStream()
        .map(s -> toListItem(s, now))
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public long countStories(String titleContains) {
    requireEditor();
    return query(titleContains, null, Long.class).getSingleResult();
  }

  private static String orderBy(StoryOrder order, boolean ascending) {
    String direction = ascending ? " ASC" : " DESC";
    return switch (order) {
          case TITLE -> "LOWER(s.title)" + direction;
          case CATEGORY -> "s.category.name" + direction;
          case PUBLISH_AT -> "s.publishedAt" + direction;
          case LAST_CHANGED -> "s.updatedAt" + direction;
        }
        + ", s.id"
        + direction;
  }

  /**
   * The stories query: a count when {@code orderBy} is null, otherwise the stories themselves in
   * that order, or most recently changed first when it is empty.
   */
  private <T> TypedQuery<T> query(String titleContains, String orderBy, Class<T> type) {
    boolean count = orderBy == null;
    boolean filtered = titleContains != null && !titleContains.isBlank();
    String jpql =
        (count ? "SELECT COUNT(s) FROM Story s" : "SELECT s FROM Story s JOIN FETCH s.category")
            + (filtered ? " WHERE LOWER(s.title) LIKE :title" : "")
            + (count
                ? ""
                : " ORDER BY " + (orderBy.isEmpty() ? "s.updatedAt DESC, s.id DESC" : orderBy));
    TypedQuery<T> query = em.createQuery(jpql, type);
    if (filtered) {
      String text = titleContains.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
      query.setParameter("title", "%" + text + "%");
    }
    return query;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<StoryForm> story(long id) {
    requireEditor();
    return Optional.ofNullable(em.find(Story.class, id)).map(DefaultContentAdmin::toForm);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public String storeImage(byte[] content) {
    requireEditor();
    return images.store(content);
  }

  @Override
  public StoryForm save(StoryForm form) {
    String actor = requireEditor();
    String image = form.imageFile() == null || form.imageFile().isBlank() ? null : form.imageFile();
    if (image != null && images.find(image).isEmpty()) {
      throw new ContentRejectedException(
          "image", "The picture could not be found; choose it again.");
    }
    if (image != null && (form.imageAlt() == null || form.imageAlt().isBlank())) {
      throw new ContentRejectedException(
          "image-alt", "Describe the picture for people who cannot see it.");
    }
    LocalDateTime now = now();
    Story story;
    String before;
    if (form.id() == null) {
      story = new Story(now);
      before = null;
    } else {
      story = em.find(Story.class, form.id());
      if (story == null) {
        throw new ConcurrentChangeException("This story was deleted by someone else.");
      }
      if (story.getVersion() != form.version()) {
        throw new ConcurrentChangeException(
            "Someone else saved this story after you opened it. Nothing was saved: reload it to"
                + " see their changes, then make yours again.");
      }
      before = describe(story, now);
    }
    String slug =
        form.slug() == null || form.slug().isBlank()
            ? Slugs.fromTitle(form.title())
            : form.slug().trim();
    if (!Slugs.isValid(slug)) {
      throw new ContentRejectedException(
          "slug", "Use lower-case letters, digits and single hyphens, such as my-story-title.");
    }
    Story holder =
        em.createNamedQuery("Story.findBySlug", Story.class)
            .setParameter("slug", slug)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (holder != null && holder != story) {
      throw new ContentRejectedException("slug", "Another story has this address already.");
    }
    Category category =
        findCategory(form.categorySlug())
            .orElseThrow(() -> new ContentRejectedException("category", "Choose a category."));
    String oldSlug = form.id() == null ? null : story.getSlug();
    LocalDateTime publishAt =
        form.publishAt() == null
            ? (form.published() ? now : null)
            : LocalDateTime.ofInstant(form.publishAt(), ZoneOffset.UTC);
    story.edit(
        form.title().trim(),
        slug,
        form.excerpt().trim(),
        HtmlPolicy.clean(form.bodyHtml()),
        form.author().trim(),
        category,
        form.published() ? PublicationStatus.PUBLISHED : PublicationStatus.DRAFT,
        publishAt,
        form.featured(),
        now);
    if (story.getImageFile() != null && !story.getImageFile().equals(image)) {
      deletePictureOnceSaved(story.getImageFile());
    }
    story.setImage(image, image == null ? null : form.imageAlt().trim());
    if (form.id() == null) {
      em.persist(story);
    }
    // An address now taken by this story no longer leads anywhere else; its old one leads here.
    em.createNamedQuery("OldSlug.deleteBySlug").setParameter("slug", slug).executeUpdate();
    if (oldSlug != null && !oldSlug.equals(slug)) {
      em.createNamedQuery("OldSlug.deleteBySlug").setParameter("slug", oldSlug).executeUpdate();
      em.persist(new OldSlug(oldSlug, story));
    }
    em.flush();
    String after = describe(story, now);
    changes.fire(
        new ContentChanged(
            actor,
            before == null ? ContentAction.STORY_CREATED : ContentAction.STORY_UPDATED,
            slug,
            before == null ? "created: " + after : before + " → " + after));
    return toForm(story);
  }

  @Override
  public void delete(long id, int version) {
    String actor = requireEditor();
    Story story = em.find(Story.class, id);
    if (story == null) {
      return;
    }
    if (story.getVersion() != version) {
      throw new ConcurrentChangeException(
          "Someone else saved this story after you opened it. Nothing was deleted.");
    }
    String before = describe(story, now());
    em.createNamedQuery("OldSlug.deleteByStory").setParameter("story", story).executeUpdate();
    em.remove(story);
    if (story.getImageFile() != null) {
      deletePictureOnceSaved(story.getImageFile());
    }
    changes.fire(
        new ContentChanged(
            actor, ContentAction.STORY_DELETED, story.getSlug(), "deleted: " + before));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PageForm> pages() {
    requireEditor();
    return em.createNamedQuery("SitePage.findAll", SitePage.class)
        .getResultStream()
        .map(DefaultContentAdmin::toPageForm)
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PageForm> page(String slug) {
    requireEditor();
    return findPage(slug).map(DefaultContentAdmin::toPageForm);
  }

  @Override
  public PageForm savePage(PageForm form) {
    String actor = requireEditor();
    LocalDateTime now = now();
    String slug = form.slug() == null ? "" : form.slug().trim();
    Optional<SitePage> existing = findPage(slug);
    SitePage page;
    String before;
    if (form.isNew()) {
      if (!Slugs.isValid(slug)) {
        throw new ContentRejectedException(
            "slug", "Use lower-case letters, digits and single hyphens, such as our-history.");
      }
      if (existing.isPresent()) {
        throw new ContentRejectedException("slug", "Another page has this address already.");
      }
      page = new SitePage(slug, now);
      before = null;
    } else {
      page =
          existing.orElseThrow(
              () -> new ConcurrentChangeException("This page was removed by someone else."));
      if (page.getVersion() != form.version()) {
        throw new ConcurrentChangeException(
            "Someone else saved this page after you opened it. Nothing was saved: reload it to"
                + " see their changes, then make yours again.");
      }
      before = describe(page);
    }
    page.edit(
        form.title().trim(),
        form.summary().trim(),
        HtmlPolicy.clean(form.bodyHtml()),
        form.published() ? PublicationStatus.PUBLISHED : PublicationStatus.DRAFT,
        now);
    if (form.isNew()) {
      em.persist(page);
    }
    em.flush();
    changes.fire(
        new ContentChanged(
            actor,
            before == null ? ContentAction.PAGE_CREATED : ContentAction.PAGE_UPDATED,
            slug,
            before == null ? "created: " + describe(page) : before + " → " + describe(page)));
    return toPageForm(page);
  }

  /**
   * Deletes a picture a story no longer uses once the change is committed, so that it is no longer
   * served; if the change is rolled back, the story keeps it.
   */
  private void deletePictureOnceSaved(String name) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              images.delete(name);
            }
          }
        });
  }

  private Optional<SitePage> findPage(String slug) {
    return em.createNamedQuery("SitePage.findBySlug", SitePage.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  private static String describe(SitePage p) {
    return "\""
        + p.getTitle()
        + "\" at /"
        + p.getSlug()
        + (p.isPublished() ? ", published" : ", hidden");
  }

  private static PageForm toPageForm(SitePage p) {
    return new PageForm(
        false,
        p.getVersion(),
        p.getSlug(),
        p.getTitle(),
        p.getSummary(),
        p.getBody(),
        p.isPublished());
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CategoryInfo> categories() {
    requireEditor();
    return em.createNamedQuery("Category.findAll", Category.class)
        .getResultStream()
        .map(c -> new CategoryInfo(c.getSlug(), c.getName(), c.getDescription(), 0))
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CategoryForm> categoryForms() {
    requireEditor();
    Map<String, Long> counts = new HashMap<>();
    em.createQuery(
            "SELECT c.slug, COUNT(s) FROM Story s JOIN s.category c GROUP BY c.slug",
            Object[].class)
        .getResultList()
        .forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
    return em.createNamedQuery("Category.findAll", Category.class)
        .getResultStream()
        .map(c -> toCategoryForm(c, counts.getOrDefault(c.getSlug(), 0L)))
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<CategoryForm> category(String slug) {
    requireEditor();
    return findCategory(slug).map(c -> toCategoryForm(c, countStoriesIn(c)));
  }

  @Override
  public CategoryForm saveCategory(CategoryForm form) {
    String actor = requireEditor();
    String name = form.name().trim();
    String description =
        form.description() == null || form.description().isBlank()
            ? null
            : form.description().trim();
    Category category;
    String before;
    if (form.isNew()) {
      String slug =
          form.slug() == null || form.slug().isBlank() ? Slugs.fromTitle(name) : form.slug().trim();
      if (!Slugs.isValid(slug)) {
        throw new ContentRejectedException(
            "slug", "Use lower-case letters, digits and single hyphens, such as campaign-news.");
      }
      if (findCategory(slug).isPresent()) {
        throw new ContentRejectedException("slug", "Another category has this address already.");
      }
      category = new Category(slug);
      before = null;
    } else {
      category =
          findCategory(form.slug())
              .orElseThrow(
                  () ->
                      new ConcurrentChangeException("This category was deleted by someone else."));
      if (category.getVersion() != form.version()) {
        throw new ConcurrentChangeException(
            "Someone else saved this category after you opened it. Nothing was saved: reload it"
                + " to see their changes, then make yours again.");
      }
      before = describe(category);
    }
    boolean nameTaken =
        em.createNamedQuery("Category.findAll", Category.class)
            .getResultStream()
            .anyMatch(c -> c != category && c.getName().equalsIgnoreCase(name));
    if (nameTaken) {
      throw new ContentRejectedException("name", "Another category has this name already.");
    }
    category.edit(name, description);
    if (form.isNew()) {
      em.persist(category);
    }
    em.flush();
    changes.fire(
        new ContentChanged(
            actor,
            before == null ? ContentAction.CATEGORY_CREATED : ContentAction.CATEGORY_UPDATED,
            category.getSlug(),
            before == null
                ? "created: " + describe(category)
                : before + " → " + describe(category)));
    return toCategoryForm(category, form.isNew() ? 0 : countStoriesIn(category));
  }

  @Override
  public void deleteCategory(String slug, int version) {
    String actor = requireEditor();
    Category category = findCategory(slug).orElse(null);
    if (category == null) {
      return;
    }
    if (category.getVersion() != version) {
      throw new ConcurrentChangeException(
          "Someone else saved this category after you opened it. Nothing was deleted.");
    }
    long stories = countStoriesIn(category);
    if (stories > 0) {
      throw new ContentRejectedException(
          "category",
          (stories == 1 ? "A story is" : stories + " stories are")
              + " still in this category. Move "
              + (stories == 1 ? "it" : "them")
              + " to another category first, then delete it.");
    }
    em.remove(category);
    changes.fire(
        new ContentChanged(
            actor, ContentAction.CATEGORY_DELETED, slug, "deleted: " + describe(category)));
  }

  private Optional<Category> findCategory(String slug) {
    return em.createNamedQuery("Category.findBySlug", Category.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  private long countStoriesIn(Category category) {
    return em.createQuery("SELECT COUNT(s) FROM Story s WHERE s.category = :category", Long.class)
        .setParameter("category", category)
        .getSingleResult();
  }

  private static String describe(Category c) {
    return "\"" + c.getName() + "\" at /stories?category=" + c.getSlug();
  }

  private static CategoryForm toCategoryForm(Category c, long stories) {
    return new CategoryForm(
        false,
        c.getVersion(),
        c.getSlug(),
        c.getName(),
        c.getDescription() == null ? "" : c.getDescription(),
        stories);
  }

  private String requireEditor() {
    return editors
        .currentEditor()
        .orElseThrow(
            () -> new SecurityException("Only editors and administrators manage content."));
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }

  static String state(Story s, LocalDateTime now) {
    if (s.getStatus() == PublicationStatus.DRAFT) {
      return "Draft";
    }
    return s.getPublishedAt() != null && s.getPublishedAt().isAfter(now)
        ? "Scheduled"
        : "Published";
  }

  private static String describe(Story s, LocalDateTime now) {
    return "\""
        + s.getTitle()
        + "\" at /stories/"
        + s.getSlug()
        + ", "
        + state(s, now).toLowerCase(Locale.ROOT)
        + (s.isFeatured() ? ", featured" : "")
        + (s.getPublishedAt() == null ? "" : " (" + s.getPublishedAt() + " UTC)");
  }

  private static StoryForm toForm(Story s) {
    return new StoryForm(
        s.getId(),
        s.getVersion(),
        s.getTitle(),
        s.getSlug(),
        s.getExcerpt(),
        s.getBody(),
        s.getAuthor(),
        s.getCategory().getSlug(),
        s.getStatus() == PublicationStatus.PUBLISHED,
        toInstant(s.getPublishedAt()),
        s.isFeatured(),
        s.getImageFile(),
        s.getImageAlt());
  }

  private static Instant toInstant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }
}
