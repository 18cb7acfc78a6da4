package org.aasr.content.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The content migrations on a real embedded Derby: the seed lands once and is never redone. */
class ContentSchemaTest {

  private ContentDatabase db;

  @BeforeEach
  void createDatabase() {
    db = new ContentDatabase();
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void firstStartSeedsTheOrganisationsContent() throws Exception {
    MigrateResult result = db.migrate();

    try (var scripts = Files.list(Path.of(getClass().getResource("/db/content").toURI()))) {
      assertEquals(
          scripts.filter(p -> p.getFileName().toString().startsWith("V")).count(),
          result.migrationsExecuted,
          "every migration ran");
    }
    assertEquals(4, db.count("SELECT COUNT(*) FROM story"));
    assertEquals(3, db.count("SELECT COUNT(*) FROM site_page"));
    assertEquals(3, db.count("SELECT COUNT(*) FROM category"));
    assertEquals(4, db.count("SELECT COUNT(*) FROM story WHERE excerpt_only = TRUE"));
  }

  @Test
  void laterStartsAddNoDuplicates() {
    db.migrate();

    MigrateResult again = db.migrate();

    assertEquals(0, again.migrationsExecuted);
    assertEquals(4, db.count("SELECT COUNT(*) FROM story"));
    assertEquals(3, db.count("SELECT COUNT(*) FROM site_page"));
  }

  @Test
  void laterStartsKeepWhatTheStaffEdited() {
    db.migrate();
    db.update("UPDATE site_page SET title = 'Our Mission, edited' WHERE slug = 'mission'");
    db.update("DELETE FROM story WHERE slug = 'meet-christopher-ripke'");

    db.migrate();

    assertEquals(1, db.count("SELECT COUNT(*) FROM site_page WHERE title = 'Our Mission, edited'"));
    assertEquals(3, db.count("SELECT COUNT(*) FROM story"));
  }
}
