package org.aasr.web.mail;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.aasr.web.config.ModuleSchema;
import org.aasr.web.testing.MovingClock;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * An in-memory Derby database with the web app's real "admin" migrations, and outboxes on it whose
 * every call runs in a local transaction of its own, as the container's {@code @Transactional}
 * would.
 */
final class OutboxDatabase implements AutoCloseable {

  final EmbeddedDataSource dataSource = new EmbeddedDataSource();

  /** A clock the test moves forward, so that backoff and claims lapse without waiting. */
  final MovingClock clock = new MovingClock(Instant.parse("2026-11-29T12:00:00Z"));

  private final String name = "memory:outbox-" + UUID.randomUUID();
  final EntityManagerFactory emf;

  OutboxDatabase() {
    dataSource.setDatabaseName(name);
    dataSource.setCreateDatabase("create");
    ModuleSchema.migrate(dataSource, "admin");
    emf =
        Persistence.createEntityManagerFactory(
            "mail-test",
            Map.of(
                PersistenceUnitProperties.ECLIPSELINK_PERSISTENCE_XML,
                "META-INF/mail-test-persistence.xml",
                PersistenceUnitProperties.NON_JTA_DATASOURCE,
                dataSource));
  }

  /** An outbox on this database, each call in a transaction of its own. */
  TxOutbox outbox(MailSettings settings) {
    TxOutbox outbox = new TxOutbox(emf);
    outbox.settings = settings;
    outbox.clock = clock;
    return outbox;
  }

  /** A worker that sends through the settings' SMTP server. */
  MailWorker worker(Outbox outbox) {
    MailWorker worker = new MailWorker();
    worker.outbox = outbox;
    worker.sender = new SmtpSender(outbox.settings());
    return worker;
  }

  /** Deletes every message, for the next test. */
  void empty() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM mail_outbox");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  void update(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
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

  /** The outbox with a local transaction around each call, in place of the container's. */
  static final class TxOutbox extends Outbox {

    private final EntityManagerFactory emf;

    TxOutbox(EntityManagerFactory emf) {
      this.emf = emf;
    }

    <T> T inTransaction(Supplier<T> work) {
      EntityManager entityManager = emf.createEntityManager();
      entityManager.getTransaction().begin();
      em = entityManager;
      try {
        T result = work.get();
        entityManager.getTransaction().commit();
        return result;
      } finally {
        if (entityManager.getTransaction().isActive()) {
          entityManager.getTransaction().rollback();
        }
        entityManager.close();
      }
    }

    @Override
    public long enqueue(jakarta.mail.internet.MimeMessage message) {
      return inTransaction(() -> super.enqueue(message));
    }

    @Override
    public java.util.List<Claim> claimDue(int max) {
      return inTransaction(() -> super.claimDue(max));
    }

    @Override
    public void markSent(long id) {
      inTransaction(
          () -> {
            super.markSent(id);
            return null;
          });
    }

    @Override
    public int forgetOlderThan(java.time.LocalDateTime before) {
      return inTransaction(() -> super.forgetOlderThan(before));
    }

    @Override
    public MailStatus markFailed(long id, String error) {
      return inTransaction(() -> super.markFailed(id, error));
    }

    @Override
    java.util.List<OutboxEntry> entries(int first, int max) {
      return inTransaction(() -> super.entries(first, max));
    }

    @Override
    void requeue(long id) {
      inTransaction(
          () -> {
            super.requeue(id);
            return null;
          });
    }

    /** The one message in the outbox, as the console shows it. */
    OutboxEntry only() {
      var all = entries(0, 10);
      if (all.size() != 1) {
        throw new AssertionError("expected one message in the outbox, found " + all.size());
      }
      return all.get(0);
    }
  }
}
