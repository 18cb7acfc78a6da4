package org.aasr.content.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the content tables up to date, and seeds the first content, before the application serves
 * its first request.
 *
 * <p>The module owns its tables and its migration history ({@code content_schema_history}), so that
 * each module's schema evolves on its own; the other modules keep histories of their own in the
 * same database. Because Flyway applies a migration once, the seed in {@code V2} runs on the first
 * start only: later starts neither duplicate it nor overwrite what the staff has edited since.
 *
 * <p>The application must define the data source {@value #DATA_SOURCE}.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ContentSchema {

  /** The JNDI name of the data source this module keeps its tables in. */
  public static final String DATA_SOURCE = "java:app/jdbc/aasr";

  private static final Logger LOG = Logger.getLogger(ContentSchema.class.getName());

  @Resource(lookup = DATA_SOURCE)
  private DataSource dataSource;

  @PostConstruct
  void migrateOnStartup() {
    MigrateResult result = migrate(dataSource);
    LOG.info(
        () ->
            "Content schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }

  /**
   * Applies this module's pending migrations to a database.
   *
   * @return what Flyway did
   */
  static MigrateResult migrate(DataSource dataSource) {
    return Flyway.configure(ContentSchema.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/content")
        .table("content_schema_history")
        // The schema is shared with the other modules' tables and histories.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .placeholders(Map.of("text", largeTextType(dataSource)))
        .load()
        .migrate();
  }

  /** The column type for long text: Derby needs CLOB, PostgreSQL's TEXT has no length limit. */
  private static String largeTextType(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase();
      return product.contains("postgres") ? "TEXT" : "CLOB";
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database to migrate it", e);
    }
  }
}
