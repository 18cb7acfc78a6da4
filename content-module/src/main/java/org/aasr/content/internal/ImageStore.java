package org.aasr.content.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.aasr.content.api.ContentRejectedException;
import org.aasr.content.api.StoryAdmin;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores story images under {@code AASR_DATA_DIR/uploads/stories}, each under a new random name, so
 * that a visitor can never choose or guess a path. Only PNG, JPEG, GIF and WebP pictures of at most
 * {@value #MAX_BYTES} bytes are taken, recognised by their content, not by the name or type the
 * browser claims.
 */
@ApplicationScoped
class ImageStore {

  static final int MAX_BYTES = StoryAdmin.MAX_IMAGE_BYTES;

  private static final Pattern STORED_NAME =
      Pattern.compile(
          "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.(png|jpg|gif|webp)");

  private static final Logger LOG = Logger.getLogger(ImageStore.class.getName());

  private final Path folder;

  ImageStore(Path dataDir) {
    this.folder = dataDir.resolve("uploads").resolve("stories");
  }

  @Inject
  ImageStore(@ConfigProperty(name = "aasr.data.dir") String dataDir) {
    this(Path.of(dataDir));
  }

  /** For CDI's proxy. */
  protected ImageStore() {
    this.folder = null;
  }

  /**
   * Checks and stores a picture.
   *
   * @return the stored file's name
   * @throws ContentRejectedException when it is too large or not a picture of a kind we take
   */
  String store(byte[] content) {
    if (content.length > MAX_BYTES) {
      throw new ContentRejectedException("image", "Choose a picture of at most 5 MB.");
    }
    String extension =
        kind(content)
            .orElseThrow(
                () ->
                    new ContentRejectedException(
                        "image", "Choose a PNG, JPEG, GIF or WebP picture."));
    String name = UUID.randomUUID() + "." + extension;
    try {
      Files.createDirectories(folder);
      Files.write(folder.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store the picture", e);
    }
    return name;
  }

  /** A stored picture's file, if the name is one this store gives and the file exists. */
  Optional<Path> find(String name) {
    if (name == null || !STORED_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    Path file = folder.resolve(name);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** Deletes a stored picture; a name this store does not give, or a missing file, is ignored. */
  void delete(String name) {
    find(name)
        .ifPresent(
            file -> {
              try {
                Files.deleteIfExists(file);
              } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot delete the picture " + file, e);
              }
            });
  }

  /**
   * Deletes the stored pictures that no story uses and that were stored before a time: pictures
   * uploaded with a save that was then refused, or abandoned forms. A picture is given time before
   * it counts as abandoned, so that one waiting in a form being filled in is kept.
   *
   * @param inUse the names of the pictures that stories use
   * @param storedBefore only pictures stored before this time are deleted
   * @return how many were deleted
   */
  int deleteUnused(Set<String> inUse, Instant storedBefore) {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    int deleted = 0;
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (STORED_NAME.matcher(name).matches()
            && !inUse.contains(name)
            && Files.getLastModifiedTime(file).toInstant().isBefore(storedBefore)
            && Files.deleteIfExists(file)) {
          deleted++;
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot clear unused pictures from " + folder, e);
    }
    return deleted;
  }

  /** The picture's kind from its first bytes, as a file extension. */
  static Optional<String> kind(byte[] b) {
    if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of("png");
    }
    if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
      return Optional.of("jpg");
    }
    if (startsWith(b, 'G', 'I', 'F', '8')) {
      return Optional.of("gif");
    }
    if (b.length >= 12
        && startsWith(b, 'R', 'I', 'F', 'F')
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P') {
      return Optional.of("webp");
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
