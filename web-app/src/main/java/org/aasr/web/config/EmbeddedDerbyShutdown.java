package org.aasr.web.config;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Shuts the embedded Derby engine down when the application stops.
 *
 * <p>Derby is loaded by the application's own class loader. Without a clean shutdown, an undeployed
 * application leaves its engine holding the database's lock, and the next deployment in the same
 * JVM cannot open the database: that happens on a redeploy in Payara Server and when Payara Micro
 * restarts from a kept {@code --rootDir}. Where the application runs on another database there is
 * no Derby engine to stop, and this does nothing.
 */
@WebListener
public class EmbeddedDerbyShutdown implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(EmbeddedDerbyShutdown.class.getName());

  /** The SQLState with which Derby reports that the whole engine shut down as asked. */
  private static final String ENGINE_SHUT_DOWN = "XJ015";

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    try {
      Class.forName("org.apache.derby.iapi.jdbc.AutoloadedDriver");
    } catch (ClassNotFoundException noDerby) {
      return;
    }
    try {
      DriverManager.getConnection("jdbc:derby:;shutdown=true").close();
    } catch (SQLException e) {
      if (ENGINE_SHUT_DOWN.equals(e.getSQLState())) {
        LOG.info("Embedded Derby shut down");
      } else {
        LOG.log(Level.FINE, "Embedded Derby was not running", e);
      }
    }
  }
}
