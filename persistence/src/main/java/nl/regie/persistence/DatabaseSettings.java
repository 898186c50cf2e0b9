package nl.regie.persistence;

import com.typesafe.config.Config;
import java.nio.file.Path;

/**
 * Where Regie keeps its journal and read models. Without a URL it is an H2 file database under the
 * data folder, so that the server runs with no setup at all.
 *
 * @param poolSize connections for the journal and, separately, for Regie's own tables: small on
 *     purpose, since the JVM and not the database is the bottleneck on two cores
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {

  public DatabaseSettings {
    Vendor.of(url);
    if (poolSize < 1) throw new IllegalArgumentException("regie.db.pool-size must be at least 1");
  }

  public Vendor vendor() {
    return Vendor.of(url);
  }

  /**
   * An embedded H2 file database in {@code dataDir}. Answers wait for {@link EmbeddedFlush}, which
   * syncs the file at least every second; so H2 may reuse the space of dead chunks after five
   * seconds instead of its default 45, which kept the file four times larger under load.
   */
  public static DatabaseSettings embedded(Path dataDir, int poolSize) {
    String file = dataDir.toAbsolutePath().normalize().resolve("regie").toString().replace('\\', '/');
    return new DatabaseSettings("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;RETENTION_TIME=5000", "sa", "", poolSize);
  }

  /**
   * Reads {@code regie.db} and {@code regie.data-dir}: {@code url} set means that database,
   * otherwise H2 under the data folder.
   */
  public static DatabaseSettings from(Config regie) {
    int poolSize = regie.getInt("db.pool-size");
    String url = regie.getString("db.url");
    if (url.isBlank()) return embedded(Path.of(regie.getString("data-dir")), poolSize);
    return new DatabaseSettings(url, regie.getString("db.user"), regie.getString("db.password"), poolSize);
  }

  /** The URL without credentials, for messages. */
  public String describe() {
    int parameters = url.indexOf('?');
    return parameters < 0 ? url : url.substring(0, parameters);
  }

  @Override
  public String toString() {
    return "DatabaseSettings[" + describe() + ", user=" + user + ", poolSize=" + poolSize + "]";
  }
}
