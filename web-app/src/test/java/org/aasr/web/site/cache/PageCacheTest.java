package org.aasr.web.site.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.aasr.content.api.ContentService;
import org.aasr.web.testing.MovingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A page with figures is rendered again by one reader before it expires, never served after; the
 * readers of a page kept before wait for the one rendering it.
 */
class PageCacheTest {

  private final MovingClock clock = new MovingClock(Instant.parse("2026-12-02T10:00:00Z"));

  private final PageCache cache = new PageCache();

  /** Other readers, each in a thread of its own. */
  private final ExecutorService readers = Executors.newCachedThreadPool();

  @BeforeEach
  void setUp() {
    cache.clock = clock;
    cache.enabled = true;
    // The one thing the cache asks of the content module: no story is scheduled.
    cache.content =
        (ContentService)
            Proxy.newProxyInstance(
                ContentService.class.getClassLoader(),
                new Class<?>[] {ContentService.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("nextScheduledPublication")) {
                    return Optional.empty();
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
  }

  @AfterEach
  void stopReaders() {
    readers.shutdownNow();
  }

  private CachedPage page(Duration maxAge) {
    Instant now = clock.instant();
    return new CachedPage(
        "text/html",
        Map.of(),
        "<p>42 donors</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        null,
        "\"a\"",
        null,
        now,
        maxAge == null ? null : now.plus(maxAge),
        new int[0]);
  }

  @Test
  void oneReaderRendersAPageAgainBeforeItExpiresWhileTheOthersStillGetIt() {
    CachedPage first = page(Duration.ofSeconds(5));
    assertTrue(cache.put("/", first, cache.generation()));

    clock.advance(Duration.ofMillis(3_900));
    assertSame(first, cache.get("/").orElseThrow(), "not due yet");
    assertSame(first, cache.peek("/").orElseThrow());

    clock.advance(Duration.ofMillis(200)); // 4.1 s: due again
    assertTrue(cache.peek("/").isEmpty(), "the front door lets a reader on to be chosen");
    assertTrue(cache.get("/").isEmpty(), "the first reader is chosen to render it again");
    assertSame(first, cache.get("/").orElseThrow(), "the others still get it");
    assertSame(first, cache.peek("/").orElseThrow(), "the front door too, while it is rendered");

    CachedPage second = page(Duration.ofSeconds(5));
    assertTrue(cache.put("/", second, cache.generation()));
    cache.rendered("/");
    assertSame(second, cache.get("/").orElseThrow());
  }

  @Test
  void aPageIsNeverGivenOutPastItsExpiryEvenWhileItIsRendered() {
    cache.put("/", page(Duration.ofSeconds(5)), cache.generation());
    clock.advance(Duration.ofMillis(4_500));
    assertTrue(cache.get("/").isEmpty(), "chosen");

    clock.advance(Duration.ofMillis(500)); // 5 s: expired, the chosen reader not done yet
    assertTrue(cache.get("/").isEmpty());
    assertTrue(cache.peek("/").isEmpty());
  }

  @Test
  void aChosenReaderThatKeepsNothingLetsAnotherBeChosen() {
    CachedPage first = page(Duration.ofSeconds(5));
    cache.put("/", first, cache.generation());
    clock.advance(Duration.ofMillis(4_200));
    assertTrue(cache.get("/").isEmpty());
    cache.rendered("/"); // its render failed, or was not kept

    assertTrue(cache.get("/").isEmpty(), "another reader is chosen");
    assertSame(first, cache.get("/").orElseThrow());
  }

  @Test
  void pagesWithoutAnExpiryAreNeverRenderedAgainAhead() {
    CachedPage story = page(null);
    cache.put("/stories", story, cache.generation());
    clock.advance(Duration.ofDays(3));
    assertSame(story, cache.get("/stories").orElseThrow());
    assertSame(story, cache.peek("/stories").orElseThrow());
  }

  @Test
  void manyReadersAtOnceChooseOne() throws Exception {
    cache.put("/", page(Duration.ofSeconds(5)), cache.generation());
    clock.advance(Duration.ofMillis(4_500));
    List<Future<Boolean>> misses = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      misses.add(readers.submit(() -> cache.get("/").isEmpty()));
    }
    int chosen = 0;
    for (Future<Boolean> miss : misses) {
      chosen += miss.get() ? 1 : 0;
    }
    assertEquals(1, chosen);
  }

  @Test
  void aClearingForgetsWhoWasChosen() {
    cache.put("/", page(Duration.ofSeconds(5)), cache.generation());
    clock.advance(Duration.ofMillis(4_500));
    assertTrue(cache.get("/").isEmpty());
    cache.clear();

    CachedPage fresh = page(Duration.ofSeconds(5));
    cache.put("/", fresh, cache.generation());
    clock.advance(Duration.ofMillis(4_500));
    assertTrue(cache.get("/").isEmpty(), "chosen again after the clearing");
    assertFalse(cache.get("/").isEmpty());
  }

  @Test
  void readersOfAnExpiredPageWaitForTheOneRenderingItAndGetItsCopy() throws Exception {
    cache.put("/", page(Duration.ofSeconds(5)), cache.generation());
    clock.advance(Duration.ofSeconds(5));
    assertTrue(cache.get("/").isEmpty(), "this reader is chosen to render it");
    List<Future<Optional<CachedPage>>> others = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      others.add(readers.submit(() -> cache.get("/")));
    }
    Thread.sleep(300);
    assertTrue(others.stream().noneMatch(Future::isDone), "the others wait");

    CachedPage fresh = page(Duration.ofSeconds(5));
    cache.put("/", fresh, cache.generation());
    cache.rendered("/");
    for (Future<Optional<CachedPage>> other : others) {
      assertSame(fresh, other.get(5, TimeUnit.SECONDS).orElseThrow());
    }
  }

  @Test
  void anAddressNeverKeptIsNotWaitedFor() throws Exception {
    assertTrue(cache.get("/no-such-page").isEmpty());
    assertTrue(
        readers.submit(() -> cache.get("/no-such-page")).get(2, TimeUnit.SECONDS).isEmpty(),
        "another reader renders it too, at once");
  }

  @Test
  void aReaderWaitsForAnotherRenderNoLongerThanTheLimit() throws Exception {
    cache.maxWait = Duration.ofMillis(200);
    cache.put("/", page(Duration.ofSeconds(5)), cache.generation());
    clock.advance(Duration.ofSeconds(6));
    assertTrue(cache.get("/").isEmpty(), "chosen, and never done");
    assertTrue(
        readers.submit(() -> cache.get("/")).get(5, TimeUnit.SECONDS).isEmpty(),
        "it renders the page itself after waiting");
  }

  @Test
  void aClearingLetsTheWaitingReadersGoOn() throws Exception {
    cache.put("/", page(Duration.ofSeconds(5)), cache.generation());
    clock.advance(Duration.ofSeconds(5));
    assertTrue(cache.get("/").isEmpty());
    Future<Optional<CachedPage>> waiting = readers.submit(() -> cache.get("/"));
    Thread.sleep(200);
    assertFalse(waiting.isDone());
    cache.clear();
    assertTrue(
        waiting.get(2, TimeUnit.SECONDS).isEmpty(),
        "released long before the wait's limit, it renders the page anew");
  }

  @Test
  void theRenderingReaderNeverWaitsForItself() {
    cache.put("/", page(Duration.ofSeconds(5)), cache.generation());
    clock.advance(Duration.ofSeconds(5));
    assertTrue(cache.get("/").isEmpty());
    assertTrue(cache.get("/").isEmpty(), "at once, not after the wait's limit");
  }
}
