package org.aasr.web.site.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.aasr.content.api.ContentService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rendered public pages in memory, until content changes or the next scheduled story comes due.
 *
 * <p>Three things empty it: a {@link PagesChanged} event (content committed; see {@link
 * ContentChangeRelay}), the moment the next scheduled story becomes public (asked of the content
 * module after every clearing, since no event marks that moment), and, per entry, an expiry for
 * pages that show fundraiser figures ({@link CacheRules#maxAge}) and an optional time-to-live for
 * all.
 *
 * <p>A page with an expiry is rendered again by one reader shortly before it expires ({@link
 * #REFRESH_AHEAD}), while the others still get the kept copy: otherwise every reader arriving at
 * the moment of expiry would render it at once (on a busy home page, the slowest answers of all).
 * The kept copy is never given out past its expiry, so figures stay as fresh as they were.
 *
 * <p>Readers of a page that was kept before and is not kept now (expired, or cleared by a change)
 * wait for the one reader already rendering it, up to {@link #MAX_WAIT}, instead of all rendering
 * it at once: on a busy page that was the slowest answer of all, every reader's render sharing the
 * same cores (bench/RESULTS.md). An address never kept (a 404, say) is not waited for.
 *
 * <p>A render that began before a clearing must not put the old state back: whoever stores passes
 * the {@linkplain #generation() generation} read before rendering, and a store from an earlier
 * generation is dropped.
 *
 * <p>The cache is bounded in entries and bytes. Once full it stops storing (the site keeps working,
 * only slower) until the next clearing, so junk addresses can cost a little CPU, never memory.
 * Settings: {@code AASR_PAGE_CACHE_ENABLED} ({@code true}), {@code AASR_PAGE_CACHE_TTL} (seconds,
 * {@code 0}: until a change).
 */
@ApplicationScoped
public class PageCache {

  /** At most this many answers are kept (pages × host names × the stories index's pages). */
  static final int MAX_ENTRIES = 2_000;

  /** At most this many bytes of bodies are kept. */
  static final long MAX_BYTES = 32L * 1024 * 1024;

  private static final Logger LOG = Logger.getLogger(PageCache.class.getName());

  @Inject ContentService content;

  @Inject
  @ConfigProperty(name = "aasr.page-cache.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "aasr.page-cache.ttl", defaultValue = "0")
  long ttlSeconds;

  /** How long before a page's expiry one reader renders it again. */
  static final Duration REFRESH_AHEAD = Duration.ofSeconds(1);

  /** The longest a reader waits for another's render of the same page before rendering it too. */
  static final Duration MAX_WAIT = Duration.ofSeconds(5);

  /** How long readers wait for another's render; shortened in tests. */
  Duration maxWait = MAX_WAIT;

  /** The time; replaceable in tests. */
  Clock clock = Clock.systemUTC();

  private final ConcurrentHashMap<String, CachedPage> pages = new ConcurrentHashMap<>();

  /** The pages being rendered by the one reader {@link #get} chose, and who that is. */
  private final ConcurrentHashMap<String, Render> renders = new ConcurrentHashMap<>();

  /**
   * The keys of pages kept at least once: a reader of one that is not kept now waits for the reader
   * rendering it. At most {@link #MAX_ENTRIES}; a clearing leaves them.
   */
  private final Set<String> keptBefore = ConcurrentHashMap.newKeySet();

  /** A render under way, by the thread that was chosen for it. */
  private record Render(Thread renderer, CountDownLatch done) {}

  /** Guarded by this. */
  private long bytes;

  private volatile long generation;

  /** When the next scheduled story becomes public; null until asked after a clearing. */
  private volatile Instant validUntil;

  /** Whether the cache is switched on ({@code AASR_PAGE_CACHE_ENABLED}). */
  public boolean isEnabled() {
    return enabled;
  }

  /** The current generation; read it before rendering and pass it to {@link #put}. */
  public long generation() {
    expireIfDue();
    return generation;
  }

  /**
   * The kept answer for a key, if there is a fresh one. Empty when the reader must render the page:
   * it is not kept, or its expiry nears and this reader was chosen to render it again. A reader of
   * a page kept before but not now first waits for the one rendering it (see the class comment).
   * Whoever gets empty must call {@link #rendered} when done, whether it kept the new copy or not.
   */
  public Optional<CachedPage> get(String key) {
    expireIfDue();
    for (int round = 0; round < 2; round++) {
      CachedPage page = pages.get(key);
      Instant now = clock.instant();
      if (page != null && isStale(page, now)) {
        remove(key, page);
        page = null;
      }
      if (page != null) {
        return isDueForRefresh(page, now) && choose(key) ? Optional.empty() : Optional.of(page);
      }
      if (choose(key)) {
        return Optional.empty();
      }
      Render other = renders.get(key);
      if (other == null
          || other.renderer() == Thread.currentThread()
          || !keptBefore.contains(key)
          || !awaited(other)) {
        return Optional.empty();
      }
    }
    // Waited twice (the first render kept nothing, or a clearing came): this reader renders too,
    // unless the page has come meanwhile.
    CachedPage page = pages.get(key);
    return page == null || isStale(page, clock.instant()) ? Optional.empty() : Optional.of(page);
  }

  /** Makes the calling reader the one rendering the page, unless one already is. */
  private boolean choose(String key) {
    return renders.putIfAbsent(key, new Render(Thread.currentThread(), new CountDownLatch(1)))
        == null;
  }

  /** Waits for another reader's render; false if it took longer than {@link #maxWait}. */
  private boolean awaited(Render other) {
    try {
      return other.done().await(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * A reader that {@link #get} sent to render has finished (kept or not, or failed): the readers
   * waiting for it go on. Does nothing for a reader that was not the chosen one.
   */
  public void rendered(String key) {
    Render render = renders.get(key);
    if (render != null
        && render.renderer() == Thread.currentThread()
        && renders.remove(key, render)) {
      render.done().countDown();
    }
  }

  /**
   * The kept answer for a key when it can be had from memory alone, for the front door ({@code
   * org.aasr.web.security.PageCacheValve}), which answers before the application's context is set
   * up and so must not ask the database: empty when the cache is off, was just cleared (the time of
   * the next scheduled story is not known yet) or that time has come. The filter's {@link #get}
   * then answers.
   */
  Optional<CachedPage> peek(String key) {
    Instant until = validUntil;
    Instant now = clock.instant();
    if (!enabled || until == null || !now.isBefore(until)) {
      return Optional.empty();
    }
    CachedPage page = pages.get(key);
    if (page == null
        || isStale(page, now)
        // Due again and nobody rendering it yet: this reader goes on to the filter, which may
        // choose it.
        || (isDueForRefresh(page, now) && !renders.containsKey(key))) {
      return Optional.empty();
    }
    return Optional.of(page);
  }

  /**
   * Keeps an answer, unless the cache was cleared since {@code generationAtStart} or is full.
   *
   * @return whether it was kept
   */
  public synchronized boolean put(String key, CachedPage page, long generationAtStart) {
    if (generationAtStart != generation) {
      return false;
    }
    CachedPage old = pages.get(key);
    long added = page.weight() - (old == null ? 0 : old.weight());
    if ((old == null && pages.size() >= MAX_ENTRIES) || bytes + added > MAX_BYTES) {
      return false;
    }
    pages.put(key, page);
    bytes += added;
    if (keptBefore.size() < MAX_ENTRIES) {
      keptBefore.add(key);
    }
    return true;
  }

  private static boolean isDueForRefresh(CachedPage page, Instant now) {
    return page.expiresAt() != null && !now.isBefore(page.expiresAt().minus(REFRESH_AHEAD));
  }

  private boolean isStale(CachedPage page, Instant now) {
    return (page.expiresAt() != null && !now.isBefore(page.expiresAt()))
        || (ttlSeconds > 0 && page.storedAt().plus(Duration.ofSeconds(ttlSeconds)).isBefore(now));
  }

  /** Forgets every kept answer. */
  public synchronized void clear() {
    generation++;
    pages.clear();
    // Readers waiting for a render from before the clearing go on (and one renders anew).
    renders.values().forEach(render -> render.done().countDown());
    renders.clear();
    bytes = 0;
    validUntil = null;
  }

  void onPagesChanged(@Observes PagesChanged change) {
    clear();
    LOG.fine(() -> "page cache cleared: " + change.reason());
  }

  /** How many answers are kept. */
  int size() {
    return pages.size();
  }

  private synchronized void remove(String key, CachedPage page) {
    if (pages.remove(key, page)) {
      bytes -= page.weight();
    }
  }

  private void expireIfDue() {
    Instant until = validUntil;
    if (until != null && clock.instant().isBefore(until)) {
      return;
    }
    synchronized (this) {
      if (validUntil != null && !clock.instant().isBefore(validUntil)) {
        clear(); // a scheduled story has just become public
      }
      if (validUntil == null) {
        validUntil = content.nextScheduledPublication().orElse(Instant.MAX);
      }
    }
  }
}
