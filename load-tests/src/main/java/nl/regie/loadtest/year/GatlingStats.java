package nl.regie.loadtest.year;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What Gatling's report says of a run ({@code js/stats.js} in its folder, a JavaScript object
 * literal that Jackson reads with unquoted names allowed): per request name the
 * count, the failures and the latency percentiles its configuration asks (50, 95, 99, 99.9, see
 * {@code gatling.conf}) and the maximum, in milliseconds.
 */
public record GatlingStats(Path report, Row all, List<Row> requests) {

  public record Row(String name, long ok, long ko, double p50, double p95, double p99, double max) {
    public long total() {
      return ok + ko;
    }
  }

  private static final ObjectMapper LENIENT = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES)
      .build();

  /** The newest report under {@code resultsFolder}. */
  public static GatlingStats newest(Path resultsFolder) throws IOException {
    Path report;
    try (Stream<Path> dirs = Files.list(resultsFolder)) {
      report = dirs.filter(d -> Files.isRegularFile(d.resolve("js/stats.js")))
          .max(Comparator.comparing(d -> d.toFile().lastModified()))
          .orElseThrow(() -> new IllegalStateException("no Gatling report with js/stats.js under " + resultsFolder));
    }
    String js = Files.readString(report.resolve("js/stats.js"));
    int start = js.indexOf('{');
    JsonNode root;
    try (JsonParser parser = LENIENT.createParser(js.substring(start))) {
      root = parser.readValueAsTree();
    }
    List<Row> rows = new ArrayList<>();
    root.get("contents").forEach(r -> rows.add(row(r.get("name").asText(), r.get("stats"))));
    rows.sort(Comparator.comparing(Row::name));
    return new GatlingStats(report, row("all", root.get("stats")), rows);
  }

  private static Row row(String name, JsonNode stats) {
    return new Row(name, number(stats, "numberOfRequests", "ok"), number(stats, "numberOfRequests", "ko"),
        number(stats, "percentiles1", "total"), number(stats, "percentiles2", "total"), number(stats, "percentiles3", "total"),
        number(stats, "maxResponseTime", "total"));
  }

  private static long number(JsonNode stats, String field, String which) {
    JsonNode n = stats.path(field).path(which);
    return n.isNumber() ? n.asLong() : n.isTextual() && n.asText().matches("[0-9]+") ? Long.parseLong(n.asText()) : 0;
  }
}
