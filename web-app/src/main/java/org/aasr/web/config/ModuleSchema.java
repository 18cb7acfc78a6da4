package org.aasr.web.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * One module's schema migrations, with Flyway.
 *
 * <p>Each module ships its scripts under {@code db/{module}} and keeps its own history table,
 * {@code {module}_schema_history}, in the shared database, so that each module's schema evolves on
 * its own. Because Flyway applies a migration once, a seed in a migration runs on the first start
 * only: later starts neither duplicate it nor overwrite what the staff has edited since.
 *
 * <p>Scripts are portable SQL for Apache Derby and PostgreSQL; the placeholder {@code ${text}}
 * stands for the type of unbounded text, CLOB on Derby and TEXT on PostgreSQL.
 */
public final class ModuleSchema {

  /** The file by which a module (a jar, or the web app's classes) says that it has a schema. */
  public static final String MARKER = "META-INF/aasr-schema.properties";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,29}");

  private ModuleSchema() {}

  /**
   * The schemas of every module a class loader sees, by name: one per {@value #MARKER}, whose
   * {@code schema} property names it.
   *
   * @throws IllegalStateException when a marker names no schema or an unusable one
   */
  public static List<String> discover(ClassLoader loader) {
    TreeSet<String> schemas = new TreeSet<>();
    try {
      for (URL marker : Collections.list(loader.getResources(MARKER))) {
        Properties p = new Properties();
        try (InputStream in = marker.openStream()) {
          p.load(in);
        }
        String schema = p.getProperty("schema", "").trim();
        if (!NAME.matcher(schema).matches()) {
          throw new IllegalStateException(marker + " names no usable schema: '" + schema + "'");
        }
        schemas.add(schema);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the modules' schema markers", e);
    }
    return List.copyOf(schemas);
  }

  /** Applies a module's pending migrations. */
  public static MigrateResult migrate(DataSource dataSource, String module) {
    return Flyway.configure(ModuleSchema.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/" + module)
        .table(module + "_schema_history")
        // The schema is shared with the other modules' tables and histories.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .placeholders(Map.of("text", largeTextType(dataSource)))
        .load()
        .migrate();
  }

  private static String largeTextType(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      return product.contains("postgres") ? "TEXT" : "CLOB";
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database to migrate it", e);
    }
  }
}
