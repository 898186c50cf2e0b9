package nl.regie.loadtest.compare;

import com.typesafe.config.ConfigFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;

/**
 * How long reading a stored event takes: every journal row of a PostgreSQL database of Regie's,
 * deserialized the way recovery and the read models deserialize it (Pekko's serialization, bound as
 * the server's {@code serialization.conf} binds it), round after round in one JVM. It prints the
 * microseconds a row of each round after the warm-up and the median. Run it with the classes of
 * the server build under test, on a database a region simulation filled:
 *
 * <pre>
 * java -cp load-tests/target/classes:server/target/regie-server.jar nl.regie.loadtest.compare.EventReading \
 *     jdbc:postgresql://127.0.0.1:5432/regie [rounds]
 * </pre>
 */
public final class EventReading {

  private record Row(int serializerId, String manifest, byte[] payload) {}

  private EventReading() {}

  public static void main(String[] args) throws SQLException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: EventReading <jdbc:postgresql://…/database> [rounds, 30]");
      System.exit(2);
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    List<Row> rows = rows(args[0]);
    if (rows.isEmpty()) throw new IllegalStateException("no journal rows in " + args[0]);
    ActorSystem system = ActorSystem.create("event-reading",
        ConfigFactory.parseResources("serialization.conf").withFallback(ConfigFactory.defaultReference()).resolve());
    try {
      Serialization serialization = SerializationExtension.get(system);
      int warmUp = rounds / 3;
      double[] micros = new double[rounds - warmUp];
      for (int round = 0; round < rounds; round++) {
        long start = System.nanoTime();
        for (Row row : rows) serialization.deserialize(row.payload(), row.serializerId(), row.manifest()).get();
        double perRow = (System.nanoTime() - start) / 1000.0 / rows.size();
        if (round >= warmUp) {
          micros[round - warmUp] = perRow;
          System.out.printf("round %d: %.1f µs a row%n", round + 1, perRow);
        }
      }
      Arrays.sort(micros);
      System.out.printf("%,d journal rows, %d rounds after %d of warm-up: median %.1f µs a row (fastest %.1f, slowest %.1f)%n",
          rows.size(), micros.length, warmUp, micros[micros.length / 2], micros[0], micros[micros.length - 1]);
    } finally {
      system.terminate();
    }
  }

  private static List<Row> rows(String url) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT event_ser_id, event_ser_manifest, event_payload FROM event_journal ORDER BY ordering")) {
      while (r.next()) rows.add(new Row(r.getInt(1), r.getString(2), r.getBytes(3)));
    }
    return rows;
  }
}
