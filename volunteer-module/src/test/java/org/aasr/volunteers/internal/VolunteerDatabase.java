package org.aasr.volunteers.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** A fresh in-memory Derby database for the volunteers module's migrations and queries. */
final class VolunteerDatabase implements AutoCloseable {

  final EmbeddedDataSource dataSource = new EmbeddedDataSource();
  private final String name = "memory:volunteers-" + UUID.randomUUID();
  private EntityManagerFactory emf;

  VolunteerDatabase() {
    dataSource.setDatabaseName(name);
    dataSource.setCreateDatabase("create");
  }

  /**
   * Applies the module's migrations as the application does (web-app's ModuleSchema): scripts in
   * db/volunteers, history in volunteers_schema_history, long text as CLOB on Derby.
   */
  MigrateResult migrate() {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/volunteers")
        .table("volunteers_schema_history")
        .placeholders(Map.of("text", "CLOB"))
        .load()
        .migrate();
  }

  EntityManager entityManager() {
    if (emf == null) {
      emf =
          Persistence.createEntityManagerFactory(
              "volunteers-test",
              Map.of(
                  PersistenceUnitProperties.ECLIPSELINK_PERSISTENCE_XML,
                  "META-INF/volunteers-test-persistence.xml",
                  PersistenceUnitProperties.NON_JTA_DATASOURCE,
                  dataSource));
    }
    return emf.createEntityManager();
  }

  int update(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      return s.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long count(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (emf != null) {
      emf.close();
    }
    EmbeddedDataSource drop = new EmbeddedDataSource();
    drop.setDatabaseName(name);
    drop.setConnectionAttributes("drop=true");
    try {
      drop.getConnection().close();
    } catch (SQLException expected) {
      // Derby reports a successful drop as an exception (SQLState 08006).
    }
  }
}
