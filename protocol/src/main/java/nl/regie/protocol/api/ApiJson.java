package nl.regie.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;

/**
 * The JSON of Regie's HTTP API, shared by the server and its clients (load tests). Strict on the
 * way in, because a typo in a field name must not silently drop a date: unknown fields, trailing
 * tokens, numbers for strings, fractions for integers and nulls for primitives are all refused.
 * Dates are ISO-8601 text; absent values are left out.
 *
 * <p>This is deliberately not the mapper Pekko uses for events: the journal must stay lenient
 * (old events meet new code), the API must not.
 */
public final class ApiJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          // Not lenient: a number is not a date (Jackson would read 20261201 as an epoch day).
          .defaultLeniency(false)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private ApiJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Says what is wrong with a body Jackson could not read, in one line a client can act on: the
   * field path and the reason, without Jackson's class names and source excerpts.
   */
  public static String describe(JsonProcessingException e) {
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return path(m) + ": " + reason(m);
    }
    String reason = firstLine(e.getOriginalMessage()).replaceAll(" ?\\(start marker at .*$", "");
    if (reason.startsWith("Trailing token")) reason = "unexpected content after the JSON value";
    if (e.getLocation() != null) {
      return "malformed JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + reason;
    }
    return reason;
  }

  private static String reason(JsonMappingException m) {
    if (m instanceof UnrecognizedPropertyException) return "unknown field";
    if (m.getCause() instanceof IllegalArgumentException cause && cause.getMessage() != null) {
      return cause.getMessage();
    }
    if (m instanceof InvalidFormatException f) {
      return "'" + f.getValue() + "' is not " + expected(f.getTargetType());
    }
    if (m instanceof MismatchedInputException in && in.getTargetType() != null) {
      return "expected " + expected(in.getTargetType());
    }
    return firstLine(m.getOriginalMessage());
  }

  private static String expected(Class<?> type) {
    if (type == LocalDate.class) return "a date (YYYY-MM-DD)";
    if (type == Instant.class || type == OffsetDateTime.class) return "a timestamp (ISO-8601)";
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
    if (type == Boolean.class || type == boolean.class) return "true or false";
    if (type == String.class) return "a string";
    if (type.isEnum()) return "one of its codes";
    if (java.util.Collection.class.isAssignableFrom(type)) return "a list";
    return "an object";
  }

  private static String path(JsonMappingException m) {
    return m.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String firstLine(String message) {
    if (message == null) return "unreadable";
    return message.lines().findFirst().orElse(message);
  }
}
