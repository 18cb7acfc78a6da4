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
 * <p>The application assembles the modules, so it runs their migrations, in a fixed order; each
 * module only ships its scripts under {@code db/{module}} (see {@link ModuleSchema}).
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigrations {

  /** The JNDI name of the application's one data source (web.xml), shared by all modules. */
  public static final String DATA_SOURCE = "java:app/jdbc/aasr";

  /** The modules whose schemas this application migrates, in order. */
  static final List<String> MODULES = List.of("content", "admin");

  private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

  @Resource(lookup = DATA_SOURCE)
  private DataSource dataSource;

  @PostConstruct
  void migrateAll() {
    for (String module : MODULES) {
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
