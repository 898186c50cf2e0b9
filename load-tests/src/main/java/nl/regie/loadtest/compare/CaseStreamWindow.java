package nl.regie.loadtest.compare;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Regie's case stream ({@code case_change}) is a window: its server prunes the changes older than
 * {@code retention} on its clock. A closed case's lasting footprint is what is left once its changes
 * have passed the window, so the comparison moves Regie's virtual clock past it ({@code POST
 * /admin/v1/clock} with {@code adminToken}), waits until the server has pruned every change made
 * before the move (its horizon, {@code case_change_horizon}, at the last offset there was) and the
 * database is at rest, and measures again.
 */
record CaseStreamWindow(String adminToken, Duration retention) {

  /** The footprint after the clock has moved a day past the window and the server has pruned. */
  Footprint pass(String base, String databaseUrl, HttpClient http) throws IOException, InterruptedException, SQLException {
    long last = number(databaseUrl, "SELECT COALESCE(MAX(id), 0) FROM " + Footprint.STREAM);
    HttpRequest move = HttpRequest.newBuilder(URI.create(base + "/admin/v1/clock"))
        .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"advance\":\"" + retention.plusDays(1) + "\"}")).build();
    HttpResponse<String> moved = http.send(move, HttpResponse.BodyHandlers.ofString());
    if (moved.statusCode() != 200) throw new IllegalStateException("moving the clock past the window: " + moved.statusCode() + " " + moved.body());
    long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (number(databaseUrl, "SELECT pruned_up_to FROM case_change_horizon") < last) {
      if (System.nanoTime() > giveUp) throw new IllegalStateException("the server did not prune the case stream within 60 s of the clock's move");
      Thread.sleep(500);
    }
    if (!Footprint.awaitRest(databaseUrl, Duration.ofSeconds(60))) throw new IllegalStateException("the database did not come to rest after the prune");
    return Footprint.afterVacuumFull(databaseUrl);
  }

  private static long number(String url, String query) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
      r.next();
      return r.getLong(1);
    }
  }
}
