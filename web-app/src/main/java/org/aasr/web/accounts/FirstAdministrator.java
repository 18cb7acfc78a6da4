package org.aasr.web.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first administrator on a first start with no accounts, so that no password ever ships
 * with the code.
 *
 * <p>With {@code AASR_ADMIN_EMAIL} and {@code AASR_ADMIN_PASSWORD} set, it uses them, provided the
 * password passes {@link PasswordPolicy} like every password a person chooses. Otherwise it makes a
 * random one-time password, prints it once in the log, and the administrator must choose a new
 * password at the first sign-in. Once any account exists, it does nothing.
 *
 * <p>The account is made in the background, {@value #AFTER_START_SECONDS} seconds after the tables
 * are ready: hashing its password is about a second of work (on purpose, see {@link
 * PasswordHasher}), and done at once it took that second from the last steps of the start on a
 * two-core machine, so the site's first page came later (bench/RESULTS.md). A sign-in that comes
 * before it is done makes it at once, or waits for it ({@link #awaitCreation}), so the first
 * administrator can never be refused for coming too early.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class FirstAdministrator {

  /** The sign-in name of the first administrator when {@code AASR_ADMIN_EMAIL} is not set. */
  public static final String DEFAULT_EMAIL = "admin@localhost";

  private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  @Inject AccountService accounts;

  @Inject
  @ConfigProperty(name = "aasr.admin.email")
  Optional<String> email;

  @Inject
  @ConfigProperty(name = "aasr.admin.password")
  Optional<String> password;

  /**
   * How long after the tables are ready the account is made, unless a sign-in asks for it first.
   */
  static final int AFTER_START_SECONDS = 10;

  @Resource ManagedScheduledExecutorService scheduler;

  /**
   * The creation to come or under way, if one is; it runs once, on the scheduler or in the first
   * sign-in that needs it, whichever comes first.
   */
  private volatile RunnableFuture<Void> creation = null;

  @PostConstruct
  void start() {
    if (accounts.count() == 0) {
      RunnableFuture<Void> pending = new FutureTask<>(this::createIfNone, null);
      creation = pending;
      scheduler.schedule(pending, AFTER_START_SECONDS, TimeUnit.SECONDS);
    }
  }

  /**
   * Waits until the first administrator made at this start exists (at once if none is being made),
   * for sign-ins: the account may be used as soon as its password is known. Gives up after {@code
   * seconds}, leaving the sign-in to fail as any other would.
   */
  public void awaitCreation(long seconds) {
    RunnableFuture<Void> pending = creation;
    if (pending == null || pending.isDone()) {
      return;
    }
    // Makes it now in this thread, unless the scheduler has begun (then this returns at once).
    pending.run();
    try {
      pending.get(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // createIfNone reports its own failures; this one is the scheduler's.
      LOG.log(Level.SEVERE, "The first administrator's creation did not run", e);
    } catch (TimeoutException e) {
      LOG.warning("A sign-in waited for the first administrator in vain; it goes on as any other");
    }
  }

  private void createIfNone() {
    try {
      create();
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "The first administrator could not be created (unless another instance sharing the"
              + " database made it at the same moment)",
          e);
    }
  }

  private void create() {
    if (accounts.count() > 0) {
      return;
    }
    String address = email.filter(e -> !e.isBlank()).orElse(DEFAULT_EMAIL);
    Optional<String> weak = password.flatMap(p -> PasswordPolicy.problem(p, address));
    Optional<String> given = password.filter(p -> weak.isEmpty());
    if (weak.isPresent()) {
      LOG.warning(
          "AASR_ADMIN_PASSWORD was ignored and a one-time password is generated instead: "
              + weak.get());
    }
    String chosen = given.orElseGet(FirstAdministrator::oneTimePassword);
    accounts.create(
        "system", address, "Administrator", chosen, EnumSet.of(Role.ADMIN), given.isEmpty());
    if (given.isEmpty()) {
      LOG.warning(
          "\n\n  First administrator created. Sign in at /admin with\n    email:    "
              + address
              + "\n    password: "
              + chosen
              + "\n  This one-time password is shown only now and must be changed at first"
              + " sign-in.\n");
    } else {
      LOG.info("First administrator " + address + " created from AASR_ADMIN_EMAIL/PASSWORD");
    }
  }

  static String oneTimePassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
