package nl.regie.protocol.iwmo.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import nl.regie.protocol.iwmo.bericht.Bericht;

/**
 * The JSON form of iWmo berichten: the records of {@code nl.regie.protocol.iwmo.bericht} as Jackson
 * writes them with this mapper.
 *
 * <ul>
 *   <li>{@code "berichtsoort": "WMO305"} says which bericht; the other properties are the iWmo
 *       element names in camelCase ({@code toewijzingNummer}, {@code startProducten}), a list
 *       wrapper becoming an array;
 *   <li>dates ISO ({@code "2025-04-03"}), times {@code "12:34:56"}, amounts in eurocent;
 *   <li>codes as their code-list value ({@code "01"}, {@code "0200"}), not the enum name;
 *   <li>absent optional elements and empty lists are left out;
 *   <li>retourberichten carry {@code "retourcodes"}: an object from klassepad to codes.
 * </ul>
 *
 * Examples of every bericht are in {@code src/test/resources/iwmo/json/}. Unknown properties are
 * an error, so a typo does not silently drop data, and so is anything after the bericht. The
 * mapper is thread-safe; the server may register the same modules on its own (Pekko) mapper
 * instead, as long as it keeps these settings.
 */
public final class IwmoJson {

  private static final ObjectMapper MAPPER = configureer(JsonMapper.builder()).build();

  private IwmoJson() {}

  /** The settings above applied to {@code builder}, for a server that builds its own mapper. */
  public static JsonMapper.Builder configureer(JsonMapper.Builder builder) {
    return builder
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .serializationInclusion(JsonInclude.Include.NON_EMPTY);
  }

  /** The configured mapper; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Writes {@code bericht} as compact JSON. */
  public static String write(Bericht bericht) {
    try {
      return MAPPER.writerFor(Bericht.class).writeValueAsString(bericht);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + bericht.soort() + " as JSON", e);
    }
  }

  /** Writes {@code bericht} as indented JSON. */
  public static String writePretty(Bericht bericht) {
    try {
      return MAPPER.writerFor(Bericht.class).withDefaultPrettyPrinter().writeValueAsString(bericht);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + bericht.soort() + " as JSON", e);
    }
  }

  /**
   * Reads any bericht; {@code berichtsoort} decides its type.
   *
   * @throws IllegalArgumentException when the JSON is malformed, is not one object (JSON {@code
   *     null}, or more after it), lacks a mandatory field, has an unknown property or a code outside
   *     its code list
   */
  public static Bericht parse(String json) {
    return parse(json, Bericht.class);
  }

  /** Reads a bericht that must be of type {@code type}; throws as {@link #parse(String)}. */
  public static <T extends Bericht> T parse(String json, Class<T> type) {
    try {
      T bericht = MAPPER.readValue(json, type);
      if (bericht == null) throw new IllegalArgumentException("not a valid iWmo JSON bericht: null");
      return bericht;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a valid iWmo JSON bericht: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
