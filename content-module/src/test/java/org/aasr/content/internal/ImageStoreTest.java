package org.aasr.content.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.aasr.content.api.ContentRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

  @TempDir Path dataDir;

  @Test
  void storesAPictureUnderANewNameInTheDataFolder() throws Exception {
    ImageStore store = new ImageStore(dataDir);

    String name = store.store(PNG);

    assertTrue(name.endsWith(".png"), name);
    Path file = store.find(name).orElseThrow();
    assertEquals(dataDir.resolve("uploads/stories").resolve(name), file);
    assertArrayEquals(PNG, Files.readAllBytes(file));
  }

  @Test
  void recognisesPicturesByTheirContent() {
    assertEquals(
        Optional.of("jpg"), ImageStore.kind(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
    assertEquals(Optional.of("gif"), ImageStore.kind("GIF89a".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        Optional.of("webp"),
        ImageStore.kind("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void refusesWhatIsNotAPicture() {
    ImageStore store = new ImageStore(dataDir);
    byte[] svg = "<svg onload=alert(1)></svg>".getBytes(StandardCharsets.UTF_8);

    ContentRejectedException e =
        assertThrows(ContentRejectedException.class, () -> store.store(svg));

    assertEquals("image", e.field());
  }

  @Test
  void refusesPicturesOverFiveMegabytes() {
    byte[] big = new byte[ImageStore.MAX_BYTES + 1];
    System.arraycopy(PNG, 0, big, 0, PNG.length);

    assertThrows(ContentRejectedException.class, () -> new ImageStore(dataDir).store(big));
  }

  @Test
  void findsNothingOutsideItsOwnNames() throws Exception {
    Files.writeString(dataDir.resolve("secret.txt"), "secret");
    ImageStore store = new ImageStore(dataDir);

    assertEquals(Optional.empty(), store.find("../../secret.txt"));
    assertEquals(Optional.empty(), store.find("secret.txt"));
    assertEquals(Optional.empty(), store.find("00000000-0000-0000-0000-000000000000.png"));
  }

  @Test
  void clearsPicturesNoStoryUsesOnceTheyAreOldEnough() throws Exception {
    ImageStore store = new ImageStore(dataDir);
    String used = store.store(PNG);
    String abandoned = store.store(PNG);
    String fresh = store.store(PNG);
    Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
    for (String old : List.of(used, abandoned)) {
      Files.setLastModifiedTime(
          store.find(old).orElseThrow(), FileTime.from(dayAgo.minusSeconds(60)));
    }
    Path notOurs = Files.writeString(dataDir.resolve("uploads/stories/notes.txt"), "keep");
    Files.setLastModifiedTime(notOurs, FileTime.from(dayAgo.minusSeconds(60)));

    int deleted = store.deleteUnused(Set.of(used), dayAgo);

    assertEquals(1, deleted);
    assertTrue(store.find(used).isPresent(), "a picture a story uses is kept");
    assertTrue(store.find(abandoned).isEmpty(), "an old unused picture is deleted");
    assertTrue(store.find(fresh).isPresent(), "a picture waiting in a form is kept");
    assertTrue(Files.exists(notOurs), "files the store did not make are left alone");
  }

  @Test
  void deletesAPictureByItsStoredNameOnly() throws Exception {
    ImageStore store = new ImageStore(dataDir);
    String name = store.store(PNG);
    Path outside = Files.writeString(dataDir.resolve("secret.txt"), "keep");

    store.delete("../../secret.txt");
    store.delete(name);

    assertTrue(store.find(name).isEmpty());
    assertTrue(Files.exists(outside));
  }
}
