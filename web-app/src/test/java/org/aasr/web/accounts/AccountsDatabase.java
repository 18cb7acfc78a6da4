package org.aasr.web.accounts;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.aasr.web.audit.AuditLogs;
import org.aasr.web.config.ModuleSchema;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;

/**
 * The accounts service outside the container: a fresh in-memory Derby migrated with the real
 * scripts, EclipseLink as in Payara, Soteria's PBKDF2, and a transaction per call as the container
 * would open for the {@code @Transactional} service. Each call gets its own entity manager, so
 * calls from many threads behave like simultaneous requests.
 */
public final class AccountsDatabase implements AutoCloseable {

  final EmbeddedDataSource dataSource = new EmbeddedDataSource();
  private final String name = "memory:accounts-" + UUID.randomUUID();
  private final EntityManagerFactory emf;
  private final PasswordHasher hasher = new PasswordHasher();

  /** The clock every service of this database reads; tests move it. */
  Clock clock = Clock.systemUTC();

  public AccountsDatabase() {
    dataSource.setDatabaseName(name);
    dataSource.setCreateDatabase("create");
    ModuleSchema.migrate(dataSource, "admin");
    emf =
        Persistence.createEntityManagerFactory(
            "admin-test",
            Map.of(
                PersistenceUnitProperties.ECLIPSELINK_PERSISTENCE_XML,
                "META-INF/admin-test-persistence.xml",
                PersistenceUnitProperties.NON_JTA_DATASOURCE,
                dataSource));
    hasher.pbkdf2 = new Pbkdf2PasswordHashImpl();
    // Real PBKDF2, fewer rounds: the production count takes ~0.3 s a hash on a shared machine.
    hasher.iterations = 1_024;
    hasher.configure();
  }

  /** Runs one call of the service, as the given caller, in its own transaction. */
  <T> T as(String caller, Set<Role> roles, Function<AccountService, T> call) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      AccountService service = new AccountService();
      service.em = em;
      service.hasher = hasher;
      service.audit = AuditLogs.using(em);
      service.security = new Caller(caller, roles);
      service.clock = clock;
      T result = call.apply(service);
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  /** Runs one call of the service with nobody signed in (sign-in, start-up). */
  <T> T anonymous(Function<AccountService, T> call) {
    return as(null, Set.of(), call);
  }

  /** Runs work with an entity manager of the admin unit, in its own transaction. */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  public long count(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    emf.close();
    EmbeddedDataSource drop = new EmbeddedDataSource();
    drop.setDatabaseName(name);
    drop.setConnectionAttributes("drop=true");
    try {
      drop.getConnection().close();
    } catch (SQLException expected) {
      // Derby reports a successful drop as an exception (SQLState 08006).
    }
  }

  /** Who the service sees as signed in: what Jakarta Security would say for this caller. */
  private record Caller(String name, Set<Role> roles) implements SecurityContext {

    @Override
    public Principal getCallerPrincipal() {
      return name == null ? null : () -> name;
    }

    @Override
    public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
      return Set.of();
    }

    @Override
    public boolean isCallerInRole(String role) {
      return name != null && roles.stream().anyMatch(r -> r.name().equals(role));
    }

    public Set<String> getAllDeclaredCallerRoles() {
      return Set.of();
    }

    @Override
    public boolean hasAccessToWebResource(String resource, String... methods) {
      return false;
    }

    @Override
    public AuthenticationStatus authenticate(
        HttpServletRequest request,
        HttpServletResponse response,
        AuthenticationParameters parameters) {
      throw new UnsupportedOperationException("not in a component test");
    }
  }
}
