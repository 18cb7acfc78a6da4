package org.aasr.web.config;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings every module's tables up to date before the application serves its first request.
 *
 * <p>The application assembles the modules, so it runs their migrations; it finds them rather than
 * listing them: each module (and the web app itself) ships a {@value ModuleSchema#MARKER} naming
 * its schema, and its scripts under {@code db/{schema}} (see {@link ModuleSchema}). Schemas are
 * independent of each other (no module refers to another's tables), so their order does not matter;
 * they run by name, for a repeatable start.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigrations {

  /** The JNDI name of the application's one data source (web.xml), shared by all modules. */
  public static final String DATA_SOURCE = "java:app/jdbc/aasr";

  private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

  @Resource(lookup = DATA_SOURCE)
  private DataSource dataSource;

  @PostConstruct
  void migrateAll() {
    List<String> schemas = ModuleSchema.discover(DatabaseMigrations.class.getClassLoader());
    LOG.info(() -> "Schemas found: " + schemas);
    for (String module : schemas) {
      var result = ModuleSchema.migrate(dataSource, module);
      LOG.info(
          () ->
              "Schema of "
                  + module
                  + " at version "
                  + result.targetSchemaVersion
                  + " ("
                  + result.migrationsExecuted
                  + " migrations applied now)");
    }
  }
}
