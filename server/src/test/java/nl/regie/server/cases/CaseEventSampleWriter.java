package nl.regie.server.cases;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;

/**
 * Writes the sample of every event that has none yet, in the JSON the journal stores, and the sample of
 * the case state's snapshot ({@link CaseStateSamples}) when its version has none. Run it when you
 * add an event type or change the state's shape (the README's "Events are forever" gives the
 * command). Existing samples are never overwritten: they are what old journals and snapshot
 * stores contain. Samples are plain JSON (jackson-json, 31), readable by eye; the journal stores
 * them compressed ({@code StoredJsonSerializer}).
 */
public final class CaseEventSampleWriter {

  public static void main(String[] args) throws IOException {
    Path resources = Path.of(args.length > 0 ? args[0] : "server/src/test/resources");
    Path folder = resources.resolve("events/v1");
    Path state = resources.resolve("state/" + CaseStateSamples.VERSION + "/CaseState.json");
    Files.createDirectories(folder);
    Files.createDirectories(state.getParent());
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "samples",
        ConfigFactory.parseResources("serialization.conf").withFallback(ConfigFactory.defaultReference()).resolve());
    try {
      Serializer plainJson = SerializationExtension.get(system.classicSystem()).serializerByIdentity().apply(31);
      for (Map.Entry<String, CaseEvent> sample : CaseEventSamples.all().entrySet()) {
        Path file = folder.resolve(sample.getKey() + ".json");
        if (Files.exists(file)) continue;
        Files.write(file, plainJson.toBinary(sample.getValue()));
        System.out.println("wrote " + file);
      }
      if (!Files.exists(state)) {
        Files.write(state, plainJson.toBinary(CaseStateSamples.replayed()));
        System.out.println("wrote " + state);
      }
    } finally {
      system.terminate();
    }
  }
}
