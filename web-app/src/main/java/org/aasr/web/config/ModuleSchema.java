package org.aasr.web.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
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

  private ModuleSchema() {}

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
      String product = c.getMetaData().getDatabaseProductName().toLowerCase();
      return product.contains("postgres") ? "TEXT" : "CLOB";
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database to migrate it", e);
    }
  }
}
