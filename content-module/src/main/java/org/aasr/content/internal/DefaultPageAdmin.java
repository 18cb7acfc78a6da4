package org.aasr.content.internal;

import static org.aasr.content.internal.ContentRules.html;
import static org.aasr.content.internal.ContentRules.line;
import static org.aasr.content.internal.ContentRules.text;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.aasr.content.api.ConcurrentChangeException;
import org.aasr.content.api.ContentAction;
import org.aasr.content.api.PageAdmin;
import org.aasr.content.api.PageForm;

/**
 * Content pages for the console, over JPA, with the rules all content shares in {@link
 * ContentRules}. A page's address is fixed once it exists.
 */
@ApplicationScoped
@Transactional
class DefaultPageAdmin implements PageAdmin {

  private static final ContentKind KIND = ContentKind.PAGE;

  @PersistenceContext(unitName = "content")
  EntityManager em;

  @Inject ContentRules rules;

  /** For CDI. */
  DefaultPageAdmin() {}

  /** For tests outside the container. */
  DefaultPageAdmin(EntityManager em, ContentRules rules) {
    this.em = em;
    this.rules = rules;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PageForm> pages() {
    rules.requireEditor();
    return em.createNamedQuery("SitePage.findAll", SitePage.class)
        .getResultStream()
        .map(DefaultPageAdmin::toPageForm)
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PageForm> page(String slug) {
    rules.requireEditor();
    return find(slug).map(DefaultPageAdmin::toPageForm);
  }

  @Override
  public PageForm save(PageForm form) {
    String actor = rules.requireEditor();
    SitePage existing = null;
    String slug;
    if (form.isNew()) {
      slug = ContentRules.slug(KIND, form.slug() == null ? "" : form.slug(), "");
      if (find(slug).isPresent()) {
        ContentRules.refuseTakenAddress(KIND);
      }
    } else {
      slug = line(form.slug());
      existing = find(slug).orElseThrow(() -> new ConcurrentChangeException(KIND.goneMessage()));
      ContentRules.checkVersion(KIND, existing.getVersion(), form.version());
    }
    // The clock is read once the form has passed every check, just before the change is written.
    LocalDateTime now = rules.now();
    SitePage page = existing == null ? new SitePage(slug, now) : existing;
    String before = existing == null ? null : describe(existing);
    ContentRules.write(
        em,
        KIND,
        form.isNew() ? ContentRules.Write.CREATE : ContentRules.Write.CHANGE,
        () -> {
          page.edit(
              line(form.title()),
              text(form.summary()),
              html(form.bodyHtml()),
              form.published() ? PublicationStatus.PUBLISHED : PublicationStatus.DRAFT,
              now);
          if (form.isNew()) {
            em.persist(page);
          }
        },
        null);
    rules.changed(
        actor,
        before == null ? ContentAction.PAGE_CREATED : ContentAction.PAGE_UPDATED,
        slug,
        before == null ? "created: " + describe(page) : before + " → " + describe(page));
    return toPageForm(page);
  }

  private Optional<SitePage> find(String slug) {
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
}
