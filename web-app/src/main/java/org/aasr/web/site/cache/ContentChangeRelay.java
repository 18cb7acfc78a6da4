package org.aasr.web.site.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.aasr.content.api.ContentChanged;

/**
 * Tells the page cache about content changes once they are committed: a story saved, published,
 * unpublished, scheduled or deleted, a page edited, a category added, renamed or deleted. It
 * observes the event type only, not its fields, so every change clears the cache, whatever it was.
 *
 * <p>After success only: a rolled-back change changed nothing, and a change cleared inside its
 * transaction could be cached again, uncommitted-old, by a reader before the commit.
 */
@ApplicationScoped
public class ContentChangeRelay {

  @Inject Event<PagesChanged> pagesChanged;

  void onContentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
    pagesChanged.fire(new PagesChanged("content: " + change.getClass().getSimpleName()));
  }
}
