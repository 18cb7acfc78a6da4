package org.aasr.content.internal;

import static org.aasr.content.internal.ContentRules.line;
import static org.aasr.content.internal.ContentRules.text;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aasr.content.api.CategoryAdmin;
import org.aasr.content.api.CategoryForm;
import org.aasr.content.api.CategoryInfo;
import org.aasr.content.api.ConcurrentChangeException;
import org.aasr.content.api.ContentAction;
import org.aasr.content.api.ContentRejectedException;

/**
 * Story categories for the console, over JPA, with the rules all content shares in {@link
 * ContentRules}. A category's address is fixed once it exists, so that links to it keep working.
 *
 * <p>Names are compared in any case in the application; the database holds no unique constraint on
 * them (Derby has no index on {@code LOWER(name)}), so two categories given the same name at the
 * very same moment are told apart only when their addresses, made from the name, collide.
 */
@ApplicationScoped
@Transactional
class DefaultCategoryAdmin implements CategoryAdmin {

  private static final ContentKind KIND = ContentKind.CATEGORY;

  @PersistenceContext(unitName = "content")
  EntityManager em;

  @Inject ContentRules rules;

  /** For CDI. */
  DefaultCategoryAdmin() {}

  /** For tests outside the container. */
  DefaultCategoryAdmin(EntityManager em, ContentRules rules) {
    this.em = em;
    this.rules = rules;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CategoryInfo> categories() {
    rules.requireEditor();
    return em.createNamedQuery("Category.findAll", Category.class)
        .getResultStream()
        .map(c -> new CategoryInfo(c.getSlug(), c.getName(), c.getDescription(), 0))
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CategoryForm> categoryForms() {
    rules.requireEditor();
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
    rules.requireEditor();
    return find(em, slug).map(c -> toCategoryForm(c, countStoriesIn(c)));
  }

  @Override
  public CategoryForm save(CategoryForm form) {
    String actor = rules.requireEditor();
    String name = line(form.name());
    String description = text(form.description());
    Category category;
    String before;
    if (form.isNew()) {
      String slug = ContentRules.slug(KIND, form.slug(), name);
      if (find(em, slug).isPresent()) {
        ContentRules.refuseTakenAddress(KIND);
      }
      category = new Category(slug);
      before = null;
    } else {
      category =
          find(em, form.slug())
              .orElseThrow(() -> new ConcurrentChangeException(KIND.goneMessage()));
      ContentRules.checkVersion(KIND, category.getVersion(), form.version());
      before = describe(category);
    }
    boolean nameTaken =
        em.createNamedQuery("Category.findAll", Category.class)
            .getResultStream()
            .anyMatch(c -> c != category && c.getName().equalsIgnoreCase(name));
    if (nameTaken) {
      throw new ContentRejectedException("name", "Another category has this name already.");
    }
    ContentRules.write(
        em,
        KIND,
        form.isNew() ? ContentRules.Write.CREATE : ContentRules.Write.CHANGE,
        () -> {
          category.edit(name, description.isEmpty() ? null : description);
          if (form.isNew()) {
            em.persist(category);
          }
        },
        null);
    rules.changed(
        actor,
        before == null ? ContentAction.CATEGORY_CREATED : ContentAction.CATEGORY_UPDATED,
        category.getSlug(),
        before == null ? "created: " + describe(category) : before + " → " + describe(category));
    return toCategoryForm(category, form.isNew() ? 0 : countStoriesIn(category));
  }

  @Override
  public void delete(String slug, int version) {
    String actor = rules.requireEditor();
    Category category = find(em, slug).orElse(null);
    if (category == null) {
      return;
    }
    ContentRules.checkVersionForDelete(KIND, category.getVersion(), version);
    long stories = countStoriesIn(category);
    if (stories > 0) {
      throw stillHolds(stories);
    }
    // A story filed under the category while it is being deleted makes the database refuse.
    ContentRules.write(
        em, KIND, ContentRules.Write.DELETE, () -> em.remove(category), stillHolds(1));
    rules.changed(actor, ContentAction.CATEGORY_DELETED, slug, "deleted: " + describe(category));
  }

  private static ContentRejectedException stillHolds(long stories) {
    return new ContentRejectedException(
        "category",
        (stories == 1 ? "A story is" : stories + " stories are")
            + " still in this category. Move "
            + (stories == 1 ? "it" : "them")
            + " to another category first, then delete it.");
  }

  /** A category by its address; the story admin looks categories up the same way. */
  static Optional<Category> find(EntityManager em, String slug) {
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
}
