package nl.regie.server.cases;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

  /**
   * Reads the entries as the {@link Writer} writes them, streamed: the type first, then the event,
   * straight into its record. A tree of each entry first cost as much again (every decision's
   * journal row is a {@link CaseEvent.Grouped}, read at each recovery and by each read model).
   * Fails on anything else, such as the history lines of snapshots before 2026-12: those cases
   * replay their events.
   */
  static final class Reader extends JsonDeserializer<List<CaseEvent>> {

    /**
     * Each event type's deserializer, found once: looked up by type for every entry it was a few
     * percent of reading an event. Jackson makes a Reader per ObjectMapper, so these are that mapper's.
     */
    private final Map<Class<?>, JsonDeserializer<Object>> deserializers = new ConcurrentHashMap<>();

    @Override
    public List<CaseEvent> deserialize(JsonParser json, DeserializationContext context) throws IOException {
      if (!json.isExpectedStartArrayToken()) return context.reportInputMismatch(CaseEvent.class, "not a list of case events");
      List<CaseEvent> events = new ArrayList<>();
      while (json.nextToken() != JsonToken.END_ARRAY) {
        if (json.currentToken() != JsonToken.START_OBJECT || !"type".equals(json.nextFieldName())) {
          return context.reportInputMismatch(CaseEvent.class, "not a case event: an entry without its type first");
        }
        String name = json.nextTextValue();
        Class<?> type = name == null ? null : TYPES.get(name);
        if (type == null || !"event".equals(json.nextFieldName()) || json.nextToken() != JsonToken.START_OBJECT) {
          return context.reportInputMismatch(CaseEvent.class, "not a case event: %s", name);
        }
        JsonDeserializer<Object> deserializer = deserializers.get(type);
        if (deserializer == null) {
          deserializer = context.findRootValueDeserializer(context.constructType(type));
          deserializers.put(type, deserializer);
        }
        events.add((CaseEvent) deserializer.deserialize(json, context));
        if (json.nextToken() != JsonToken.END_OBJECT) {
          return context.reportInputMismatch(CaseEvent.class, "not a case event: more than its type and event in %s", name);
        }
      }
      return events;
    }
  }
}
