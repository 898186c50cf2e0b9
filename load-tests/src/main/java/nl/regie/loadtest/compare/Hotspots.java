package nl.regie.loadtest.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a server spent its CPU, from the execution samples of a JFR recording ({@code
 * jdk.ExecutionSample}): the share of samples whose top frame is in each method and in each
 * package (self time), and of those that pass through each method of the server's own code
 * nearest the top (which of its own code paid for the work below it).
 */
public record Hotspots(long samples, List<Share> methods, List<Share> packages, List<Share> ownCode) {

  /** A name and how many samples it had. */
  public record Share(String name, long samples) {}

  /** Reads {@code recording}; {@code ownPrefix} names the server's own classes (e.g. {@code nl.regie.}). */
  public static Hotspots of(Path recording, String ownPrefix, int top) throws IOException {
    Map<String, Long> methods = new HashMap<>();
    Map<String, Long> packages = new HashMap<>();
    Map<String, Long> own = new HashMap<>();
    long samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) continue;
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) continue;
      samples++;
      RecordedFrame topFrame = stack.getFrames().get(0);
      String type = topFrame.getMethod().getType().getName();
      methods.merge(type + "." + topFrame.getMethod().getName(), 1L, Long::sum);
      packages.merge(type.contains(".") ? type.substring(0, type.lastIndexOf('.')) : "(default)", 1L, Long::sum);
      String ownFrame = stack.getFrames().stream().map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName())
          .filter(name -> name.startsWith(ownPrefix)).findFirst().orElse("(none of its own code on the stack)");
      own.merge(ownFrame, 1L, Long::sum);
    }
    return new Hotspots(samples, top(methods, top), top(packages, top), top(own, top));
  }

  private static List<Share> top(Map<String, Long> counts, int n) {
    return counts.entrySet().stream().map(e -> new Share(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(Share::samples).reversed().thenComparing(Share::name)).limit(n).toList();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(String.format("%d execution samples%n", samples));
    section(out, "top frame, by method (self)", methods);
    section(out, "top frame, by package (self)", packages);
    section(out, "nearest own method on the stack", ownCode);
    return out.toString();
  }

  private void section(StringBuilder out, String title, List<Share> shares) {
    out.append("  ").append(title).append(":\n");
    for (Share s : shares) out.append(String.format("    %5.1f%%  %s%n", 100.0 * s.samples() / Math.max(1, samples), s.name()));
  }
}
