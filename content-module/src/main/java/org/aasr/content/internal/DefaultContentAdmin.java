package org.aasr.content.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aasr.content.api.CategoryInfo;
import org.aasr.content.api.ConcurrentChangeException;
import org.aasr.content.api.ContentAdmin;
import org.aasr.content.api.ContentChanged;
import org.aasr.content.api.ContentRejectedException;
import org.aasr.content.api.PageForm;
import org.aasr.content.api.StoryForm;
import org.aasr.content.api.StoryListItem;

/** Story management for the console, over JPA. */
@ApplicationScoped
@Transactional
class DefaultContentAdmin implements ContentAdmin {

  @PersistenceContext(unitName = "content")
  EntityManager em;

  @Inject SecurityContext security;
  @Inject Event<ContentChanged> changes;
  @Inject ImageStore images;

  private final Clock clock = Clock.systemUTC();

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<StoryListItem> stories(String titleContains, int first, int max) {
    requireEditor();
    LocalDateTime now = now();
    return query(titleContains, false, Story.class)
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
    return query(titleContains, true, Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> query(String titleContains, boolean count, Class<T> type) {
    boolean filtered = titleContains != null && !titleContains.isBlank();
    String jpql =
        (count ? "SELECT COUNT(s) FROM Story s" : "SELECT s FROM Story s JOIN FETCH s.category")
            + (filtered ? " WHERE LOWER(s.title) LIKE :title" : "")
            + (count ? "" : " ORDER BY s.updatedAt DESC, s.id DESC");
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
        em.createNamedQuery("Category.findBySlug", Category.class)
            .setParameter("slug", form.categorySlug())
            .getResultStream()
            .findFirst()
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
            before == null ? "STORY_CREATED" : "STORY_UPDATED",
            "story",
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
    changes.fire(
        new ContentChanged(actor, "STORY_DELETED", "story", story.getSlug(), "deleted: " + before));
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
            before == null ? "PAGE_CREATED" : "PAGE_UPDATED",
            "page",
            slug,
            before == null ? "created: " + describe(page) : before + " → " + describe(page)));
    return toPageForm(page);
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
    return em.createNamedQuery("Category.findAll", Category.class)
        .getResultStream()
        .map(c -> new CategoryInfo(c.getSlug(), c.getName(), 0))
        .toList();
  }

  private String requireEditor() {
    Principal caller = security.getCallerPrincipal();
    if (caller == null || ROLES.stream().noneMatch(security::isCallerInRole)) {
      throw new SecurityException("Only editors and administrators manage content.");
    }
    return caller.getName();
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
