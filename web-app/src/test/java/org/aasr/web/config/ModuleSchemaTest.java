package org.aasr.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All modules' migrations in one real embedded Derby, as the application runs them. */
class ModuleSchemaTest {

  /** The schemas the application finds on its class path, as it does at start-up. */
  private static final List<String> SCHEMAS =
      ModuleSchema.discover(ModuleSchemaTest.class.getClassLoader());

  private EmbeddedDataSource db;

  @BeforeEach
  void createDatabase() {
    db = new EmbeddedDataSource();
    db.setDatabaseName("memory:modules-" + UUID.randomUUID());
    db.setCreateDatabase("create");
  }

  @AfterEach
  void dropDatabase() {
    EmbeddedDataSource drop = new EmbeddedDataSource();
    drop.setDatabaseName(db.getDatabaseName());
    drop.setConnectionAttributes("drop=true");
    try {
      drop.getConnection().close();
    } catch (SQLException expected) {
      // Derby reports a successful drop as an exception.
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void eachModuleKeepsItsOwnHistoryInTheSharedDatabase() throws SQLException {
    for (String module : SCHEMAS) {
      ModuleSchema.migrate(db, module);
    }

    assertEquals(4, count("SELECT COUNT(*) FROM story"));
    for (String module : SCHEMAS) {
      assertEquals(
          0,
          count("SELECT COUNT(*) FROM \"" + module + "_schema_history\" WHERE \"success\" = FALSE"),
          module);
    }
  }

  @Test
  void migratingAgainAppliesNothing() {
    for (String module : SCHEMAS) {
      ModuleSchema.migrate(db, module);
    }

    for (String module : SCHEMAS) {
      assertEquals(0, ModuleSchema.migrate(db, module).migrationsExecuted, module);
    }
  }

  @Test
  void findsEveryModulesSchemaFromItsMarker() {
    assertEquals(List.of("admin", "content", "donations", "volunteers"), SCHEMAS);
  }

  @Test
  void refusesAMarkerThatNamesNoUsableSchema(@TempDir Path dir) throws Exception {
    Path marker = dir.resolve(ModuleSchema.MARKER);
    Files.createDirectories(marker.getParent());
    Files.writeString(marker, "schema=../../etc\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> ModuleSchema.discover(loader));
      assertTrue(refused.getMessage().contains("no usable schema"));
    }
  }
}
