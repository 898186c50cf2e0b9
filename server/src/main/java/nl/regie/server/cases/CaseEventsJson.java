package nl.regie.server.cases;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A case's events inside its snapshot, as {@code [{"type":"MeldingOntvangen","event":{…}}, …]}:
 * each event as the journal writes it, named by its type. The events themselves carry no type
 * information, so that the journal's rows stay as they are; the names come from the sealed type.
 */
final class CaseEventsJson {

  private static final Map<String, Class<?>> TYPES = Arrays.stream(CaseEvent.class.getPermittedSubclasses())
      .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

  private CaseEventsJson() {}

  static final class Writer extends JsonSerializer<List<CaseEvent>> {
    @Override
    public void serialize(List<CaseEvent> events, JsonGenerator json, SerializerProvider provider) throws IOException {
      json.writeStartArray();
      for (CaseEvent event : events) {
        json.writeStartObject();
        json.writeStringField("type", event.getClass().getSimpleName());
        json.writeFieldName("event");
        provider.defaultSerializeValue(event, json);
        json.writeEndObject();
      }
      json.writeEndArray();
    }
  }

  /** Fails on anything else, such as the history lines of snapshots before 2026-12: those cases replay their events. */
  static final class Reader extends JsonDeserializer<List<CaseEvent>> {
    @Override
    public List<CaseEvent> deserialize(JsonParser json, DeserializationContext context) throws IOException {
      List<CaseEvent> events = new ArrayList<>();
      for (JsonNode entry : context.readTree(json)) {
        Class<?> type = TYPES.get(entry.path("type").asText());
        if (type == null || !entry.has("event")) {
          return context.reportInputMismatch(CaseEvent.class, "not a case event: %s", entry);
        }
        events.add((CaseEvent) context.readTreeAsValue(entry.get("event"), type));
      }
      return events;
    }
  }
}
