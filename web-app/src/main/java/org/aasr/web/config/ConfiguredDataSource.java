package org.aasr.web.config;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's database, where MicroProfile Config says it is: the embedded Derby database in
 * {@code aasr.data.dir}/derby ({@code AASR_DATA_DIR} or {@code -Daasr.data.dir}; its default,
 * {@code data}, is in the application's {@code microprofile-config.properties}), the same setting
 * that places uploaded pictures.
 *
 * <p>web.xml declares the container-managed data source with this class, because Payara resolves
 * {@code ${…}} in a descriptor before the application's own configuration is read: a setting given
 * only as {@code -Daasr.data.dir} or in the application's defaults would have moved the pictures
 * but not the database. The target is looked up at the first connection, when the configuration is
 * complete.
 */
public class ConfiguredDataSource implements DataSource {

  /** The setting that says where the site keeps its files. */
  public static final String DATA_DIR = "aasr.data.dir";

  private volatile DataSource target;
  private PrintWriter logWriter;
  private int loginTimeout;

  private DataSource target() {
    DataSource ds = target;
    if (ds == null) {
      synchronized (this) {
        ds = target;
        if (ds == null) {
          String dataDir =
              ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader())
                  .getValue(DATA_DIR, String.class);
          EmbeddedDataSource derby = new EmbeddedDataSource();
          derby.setDatabaseName(dataDir + "/derby");
          derby.setCreateDatabase("create");
          target = ds = derby;
        }
      }
    }
    return ds;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return target().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return target().getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return target().unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || target().isWrapperFor(type);
  }
}
