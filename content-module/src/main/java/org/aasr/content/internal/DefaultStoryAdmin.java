package org.aasr.content.internal;

import static org.aasr.content.internal.ContentRules.html;
import static org.aasr.content.internal.ContentRules.line;
import static org.aasr.content.internal.ContentRules.text;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aasr.content.api.ConcurrentChangeException;
import org.aasr.content.api.ContentAction;
import org.aasr.content.api.ContentRejectedException;
import org.aasr.content.api.StoryAdmin;
import org.aasr.content.api.StoryForm;
import org.aasr.content.api.StoryListItem;
import org.aasr.content.api.StoryOrder;
import org.aasr.content.api.StoryState;

/** Stories for the console, over JPA, with the rules all content shares in {@link ContentRules}. */
@ApplicationScoped
@Transactional
class DefaultStoryAdmin implements StoryAdmin {

  private static final ContentKind KIND = ContentKind.STORY;

  @PersistenceContext(unitName = "content")
  EntityManager em;

  @Inject ContentRules rules;
  @Inject ImageStore images;
  @Inject AfterCommit afterCommit;

  /** For CDI. */
  DefaultStoryAdmin() {}

  /** For tests outside the container. */
  DefaultStoryAdmin(
      EntityManager em, ContentRules rules, ImageStore images, AfterCommit afterCommit) {
    this.em = em;
    this.rules = rules;
    this.images = images;
    this.afterCommit = afterCommit;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<StoryListItem> stories(
      String titleContains, StoryOrder order, boolean ascending, int first, int max) {
    rules.requireEditor();
    LocalDateTime now = rules.now();
    return query(titleContains, order == null ? "" : orderBy(order, ascending), Story.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultStream()
        .map(s -> toListItem(s, now))
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<StoryListItem> unpublishedStories(int max) {
    rules.requireEditor();
    LocalDateTime now = rules.now();
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
    rules.requireEditor();
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
    rules.requireEditor();
    return Optional.ofNullable(em.find(Story.class, id)).map(DefaultStoryAdmin::toForm);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public String storeImage(byte[] content) {
    rules.requireEditor();
    return images.store(content);
  }

  @Override
  public StoryForm save(StoryForm form) {
    String actor = rules.requireEditor();
    String image = form.imageFile() == null || form.imageFile().isBlank() ? null : form.imageFile();
    String imageAlt = image == null ? null : line(form.imageAlt());
    if (image != null && images.find(image).isEmpty()) {
      throw new ContentRejectedException(
          "image", "The picture could not be found; choose it again.");
    }
    if (image != null && imageAlt.isEmpty()) {
      throw new ContentRejectedException(
          "image-alt", "Describe the picture for people who cannot see it.");
    }
    Story existing = form.id() == null ? null : em.find(Story.class, form.id());
    if (form.id() != null) {
      if (existing == null) {
        throw new ConcurrentChangeException(KIND.goneMessage());
      }
      ContentRules.checkVersion(KIND, existing.getVersion(), form.version());
    }
    String title = line(form.title());
    String slug = ContentRules.slug(KIND, form.slug(), title);
    Story holder =
        em.createNamedQuery("Story.findBySlug", Story.class)
            .setParameter("slug", slug)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (holder != null && holder != existing) {
      ContentRules.refuseTakenAddress(KIND);
    }
    Category category =
        DefaultCategoryAdmin.find(em, form.categorySlug())
            .orElseThrow(() -> new ContentRejectedException("category", "Choose a category."));
    // The clock is read once the form has passed every check, just before the change is written.
    LocalDateTime now = rules.now();
    Story story = existing == null ? new Story(now) : existing;
    String before = existing == null ? null : describe(existing, now);
    String oldSlug = existing == null ? null : existing.getSlug();
    LocalDateTime publishAt =
        form.publishAt() == null
            ? (form.published() ? now : null)
            : LocalDateTime.ofInstant(form.publishAt(), ZoneOffset.UTC);
    String oldImage = story.getImageFile();
    ContentRules.write(
        em,
        KIND,
        form.id() == null ? ContentRules.Write.CREATE : ContentRules.Write.CHANGE,
        () -> {
          story.edit(
              title,
              slug,
              text(form.excerpt()),
              html(form.bodyHtml()),
              line(form.author()),
              category,
              form.published() ? PublicationStatus.PUBLISHED : PublicationStatus.DRAFT,
              publishAt,
              form.featured(),
              now);
          story.setImage(image, imageAlt);
          if (existing == null) {
            em.persist(story);
          }
          // An address now taken by this story no longer leads anywhere else; its old one leads
          // here.
          em.createNamedQuery("OldSlug.deleteBySlug").setParameter("slug", slug).executeUpdate();
          if (oldSlug != null && !oldSlug.equals(slug)) {
            em.createNamedQuery("OldSlug.deleteBySlug")
                .setParameter("slug", oldSlug)
                .executeUpdate();
            em.persist(new OldSlug(oldSlug, story));
          }
        },
        new ContentRejectedException("category", "Choose a category."));
    if (oldImage != null && !oldImage.equals(image)) {
      afterCommit.run(() -> images.delete(oldImage));
    }
    String after = describe(story, now);
    rules.changed(
        actor,
        before == null ? ContentAction.STORY_CREATED : ContentAction.STORY_UPDATED,
        slug,
        before == null ? "created: " + after : before + " → " + after);
    return toForm(story);
  }

  @Override
  public void delete(long id, int version) {
    String actor = rules.requireEditor();
    Story story = em.find(Story.class, id);
    if (story == null) {
      return;
    }
    ContentRules.checkVersionForDelete(KIND, story.getVersion(), version);
    String before = describe(story, rules.now());
    ContentRules.write(
        em,
        KIND,
        ContentRules.Write.DELETE,
        () -> {
          em.createNamedQuery("OldSlug.deleteByStory").setParameter("story", story).executeUpdate();
          em.remove(story);
        },
        null);
    if (story.getImageFile() != null) {
      String picture = story.getImageFile();
      afterCommit.run(() -> images.delete(picture));
    }
    rules.changed(actor, ContentAction.STORY_DELETED, story.getSlug(), "deleted: " + before);
  }

  static StoryState state(Story s, LocalDateTime now) {
    if (s.getStatus() == PublicationStatus.DRAFT) {
      return StoryState.DRAFT;
    }
    return s.getPublishedAt() != null && s.getPublishedAt().isAfter(now)
        ? StoryState.SCHEDULED
        : StoryState.PUBLISHED;
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

  private static String describe(Story s, LocalDateTime now) {
    return "\""
        + s.getTitle()
        + "\" at /stories/"
        + s.getSlug()
        + ", "
        + state(s, now).label().toLowerCase(Locale.ROOT)
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
