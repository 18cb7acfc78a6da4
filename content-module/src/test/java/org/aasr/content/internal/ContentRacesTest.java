package org.aasr.content.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.aasr.content.api.ConcurrentChangeException;
import org.aasr.content.api.ContentRejectedException;
import org.aasr.content.api.PageForm;
import org.aasr.content.api.StoryForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two editors saving at the very same moment, each in their own transaction on their own thread,
 * against a real Derby: both pass the checks that read the database before either writes (the
 * clock's barrier holds each until the other has), so the conflict is found by the database itself
 * at the write. The loser must get the same clear message as someone who saved a moment later,
 * never a raw persistence failure, and nothing of theirs may be saved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentRacesTest {

  private ConsoleFixture console;
  private ConsoleFixture.Editor alice;
  private ConsoleFixture.Editor bob;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @BeforeAll
  void open(@TempDir Path dataDir) {
    console = new ConsoleFixture(dataDir);
    alice = console.editor();
    bob = console.editor();
  }

  @AfterEach
  void disarm() {
    console.clock.gate(null);
  }

  @AfterAll
  void close() throws InterruptedException {
    threads.shutdownNow();
    threads.awaitTermination(30, TimeUnit.SECONDS);
    console.close();
  }

  /** Runs both saves at once, each in its own transaction; returns each one's result or failure. */
  private List<Object> atOnce(Supplier<?> first, Supplier<?> second) throws Exception {
    console.clock.gate(new CyclicBarrier(2));
    List<Future<Object>> running = new ArrayList<>();
    for (var pair : List.of(List.of(alice, first), List.of(bob, second))) {
      var editor = (ConsoleFixture.Editor) pair.get(0);
      var work = (Supplier<?>) pair.get(1);
      running.add(
          threads.submit(
              () -> {
                try {
                  return editor.inTransaction(work::get);
                } catch (RuntimeException e) {
                  return e;
                }
              }));
    }
    List<Object> outcomes = new ArrayList<>();
    for (Future<Object> f : running) {
      outcomes.add(f.get(90, TimeUnit.SECONDS));
    }
    console.clock.gate(null);
    return outcomes;
  }

  private static <T> T theOneSaved(List<Object> outcomes, Class<T> type) {
    List<Object> saved = outcomes.stream().filter(type::isInstance).toList();
    assertEquals(1, saved.size(), "exactly one save wins: " + outcomes);
    return type.cast(saved.get(0));
  }

  private static <T extends RuntimeException> T theOneRefused(
      List<Object> outcomes, Class<T> type) {
    List<Object> refused = outcomes.stream().filter(RuntimeException.class::isInstance).toList();
    assertEquals(1, refused.size(), "exactly one save loses: " + outcomes);
    return assertInstanceOf(type, refused.get(0), "the loser's message, not a raw failure");
  }

  @Test
  void twoEditorsSavingTheSameStoryAtOnceGetTheConflictMessage() throws Exception {
    StoryForm opened =
        alice.inTransaction(() -> alice.stories.save(StoryAdminTest.newStory("Race one", "")));
    int eventsBefore = console.events.size();

    List<Object> outcomes =
        atOnce(
            () -> alice.stories.save(StoryAdminTest.retitled(opened, "Alice's title")),
            () -> bob.stories.save(StoryAdminTest.retitled(opened, "Bob's title")));

    StoryForm winner = theOneSaved(outcomes, StoryForm.class);
    var loser = theOneRefused(outcomes, ConcurrentChangeException.class);
    assertEquals(
        "Someone else saved this story after you opened it. Nothing was saved: reload it to see"
            + " their changes, then make yours again.",
        loser.getMessage());
    StoryForm stored = alice.read(() -> alice.stories.story(opened.id())).orElseThrow();
    assertEquals(winner.title(), stored.title(), "the winner's change is what is stored");
    assertEquals(opened.version() + 1, stored.version());
    assertEquals(eventsBefore + 1, console.events.size(), "the loser's change is not reported");
  }

  @Test
  void twoNewStoriesTakingTheSameAddressAtOnceGetTheAddressMessage() throws Exception {
    List<Object> outcomes =
        atOnce(
            () -> alice.stories.save(StoryAdminTest.newStory("Alice's race", "same-address")),
            () -> bob.stories.save(StoryAdminTest.newStory("Bob's race", "same-address")));

    StoryForm winner = theOneSaved(outcomes, StoryForm.class);
    var loser = theOneRefused(outcomes, ContentRejectedException.class);
    assertEquals("slug", loser.field());
    assertEquals("Another story has this address already.", loser.getMessage());
    assertEquals(1, console.db.count("SELECT COUNT(*) FROM story WHERE slug = 'same-address'"));
    assertEquals(
        winner.title(), alice.read(() -> alice.stories.story(winner.id())).orElseThrow().title());
  }

  @Test
  void twoNewPagesTakingTheSameAddressAtOnceGetTheAddressMessage() throws Exception {
    List<Object> outcomes =
        atOnce(
            () -> alice.pages.save(new PageForm(true, 0, "our-race", "A", "S", "<p>A</p>", true)),
            () -> bob.pages.save(new PageForm(true, 0, "our-race", "B", "S", "<p>B</p>", true)));

    theOneSaved(outcomes, PageForm.class);
    var loser = theOneRefused(outcomes, ContentRejectedException.class);
    assertEquals("slug", loser.field());
    assertEquals("Another page has this address already.", loser.getMessage());
  }

  @Test
  void twoEditorsSavingTheSamePageAtOnceGetTheConflictMessage() throws Exception {
    PageForm opened = alice.read(() -> alice.pages.page("mission")).orElseThrow();
    PageForm a = new PageForm(false, opened.version(), "mission", "Alice", "S", "<p>A</p>", true);
    PageForm b = new PageForm(false, opened.version(), "mission", "Bob", "S", "<p>B</p>", true);

    List<Object> outcomes = atOnce(() -> alice.pages.save(a), () -> bob.pages.save(b));

    theOneSaved(outcomes, PageForm.class);
    assertEquals(
        "Someone else saved this page after you opened it. Nothing was saved: reload it to see"
            + " their changes, then make yours again.",
        theOneRefused(outcomes, ConcurrentChangeException.class).getMessage());
  }
}
