package org.aasr.content.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.aasr.content.api.ContentChanged;

/**
 * The console's content services built by hand outside the container, on a real embedded Derby with
 * EclipseLink: an editor who is signed in, a clock the test sets, and the change events kept in a
 * list. Each {@link Editor} has its own entity manager, as two people at two browsers have their
 * own transactions.
 */
final class ConsoleFixture implements AutoCloseable {

  static final String EDITOR = "editor@example.org";

  final ContentDatabase db = new ContentDatabase();
  final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));
  final List<ContentChanged> events = new CopyOnWriteArrayList<>();
  final ImageStore images;
  final ContentRules rules;
  private final List<Editor> editors = new ArrayList<>();

  ConsoleFixture(Path dataDir) {
    db.migrate();
    images = new ImageStore(dataDir);
    rules = new ContentRules(() -> Optional.of(EDITOR), events::add, clock);
  }

  Editor editor() {
    Editor editor = new Editor(db.entityManager(), rules);
    editors.add(editor);
    return editor;
  }

  /** The public read model at the fixture's clock. */
  DefaultContentService visitor() {
    return new DefaultContentService(db.entityManager(), clock);
  }

  @Override
  public void close() {
    editors.forEach(e -> e.em.close());
    db.close();
  }

  /**
   * One person at the console. Like the container's JTA transactions and transaction-scoped
   * persistence contexts, every call runs in a transaction of its own and leaves nothing managed
   * behind; what was to happen after the commit happens after it.
   */
  final class Editor {
    final EntityManager em;
    final DefaultStoryAdmin stories;
    final DefaultPageAdmin pages;
    final DefaultCategoryAdmin categories;
    private final List<Runnable> afterCommit = new ArrayList<>();

    Editor(EntityManager em, ContentRules rules) {
      this.em = em;
      this.stories = new DefaultStoryAdmin(em, rules, images, afterCommit::add);
      this.pages = new DefaultPageAdmin(em, rules);
      this.categories = new DefaultCategoryAdmin(em, rules);
    }

    <T> T inTransaction(Supplier<T> work) {
      EntityTransaction tx = em.getTransaction();
      tx.begin();
      try {
        T result = work.get();
        tx.commit();
        afterCommit.forEach(Runnable::run);
        return result;
      } finally {
        if (tx.isActive()) {
          tx.rollback();
        }
        afterCommit.clear();
        em.clear();
      }
    }

    void inTransaction(Runnable work) {
      inTransaction(
          () -> {
            work.run();
            return null;
          });
    }

    /** A read, outside any transaction, as the console's lists read. */
    <T> T read(Supplier<T> work) {
      try {
        return work.get();
      } finally {
        em.clear();
      }
    }
  }

  /**
   * A clock the test sets. Armed with a barrier, it makes each caller wait for the others when it
   * reads the time, which the console's services do once a form has passed every check and just
   * before they write: two saves armed so are sure to have both passed their checks before either
   * writes.
   */
  static final class TestClock extends Clock {
    private volatile Instant now;
    private volatile CyclicBarrier gate;

    TestClock(Instant now) {
      this.now = now;
    }

    void set(Instant now) {
      this.now = now;
    }

    void gate(CyclicBarrier gate) {
      this.gate = gate;
    }

    @Override
    public Instant instant() {
      CyclicBarrier g = gate;
      if (g != null) {
        try {
          g.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException("the other save never reached its write", e);
        }
      }
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
