package nl.regie.server.cases;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.SerializationExtension;

/**
 * Writes the sample of every event that has none yet, as the journal stores it. Run it when you
 * add an event type (the README's "Events are forever" gives the command). Existing samples are
 * never overwritten: they are what old journals contain.
 */
public final class CaseEventSampleWriter {

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length > 0 ? args[0] : "server/src/test/resources/events/v1");
    Files.createDirectories(folder);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "samples",
        ConfigFactory.parseResources("serialization.conf").withFallback(ConfigFactory.defaultReference()).resolve());
    try {
      var serialization = SerializationExtension.get(system.classicSystem());
      for (Map.Entry<String, CaseEvent> sample : CaseEventSamples.all().entrySet()) {
        Path file = folder.resolve(sample.getKey() + ".json");
        if (Files.exists(file)) continue;
        Files.write(file, serialization.serialize(sample.getValue()).get());
        System.out.println("wrote " + file);
      }
    } finally {
      system.terminate();
    }
  }
}
