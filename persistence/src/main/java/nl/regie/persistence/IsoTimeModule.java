package nl.regie.persistence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * Reads the instants and dates that Regie stores ({@code 2027-01-04T09:00:00Z}, with up to nine
 * digits of fraction; {@code 2027-01-04}) without a {@link java.time.format.DateTimeFormatter},
 * which parses field by field into a map and resolves it: a third of all the time spent reading an
 * event went to its moments (catch-up profile, BENCHMARKS.md), and deadlines and toewijzingen carry
 * dates. Anything else, such as an offset, a leap second, a year of more than four digits or a
 * number, goes to jackson-datatype-jsr310's own deserializers, so what is read is what those read.
 * {@link StoredJsonSerializer} registers it after Pekko's modules (JavaTimeModule among them), so
 * that this one is asked first.
 */
public final class IsoTimeModule extends SimpleModule {

  public IsoTimeModule() {
    super("IsoTimeModule");
    addDeserializer(Instant.class, new QuickReader<>(Instant.class, IsoTimeModule::parse, InstantDeserializer.INSTANT));
    addDeserializer(LocalDate.class, new QuickReader<>(LocalDate.class, IsoTimeModule::parseDate, LocalDateDeserializer.INSTANCE));
  }

  /**
   * {@code text} as an instant if it has the form {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} and is a valid
   * moment (no leap second), else null: the caller asks the full parser.
   */
  static Instant parse(String text) {
    int length = text.length();
    if (length < 20 || length == 21 || length > 30 || text.charAt(length - 1) != 'Z') return null;
    if (text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int nanos = 0;
    if (length > 20) {
      if (text.charAt(19) != '.') return null;
      int fraction = digits(text, 20, length - 1);
      if (fraction < 0) return null;
      nanos = fraction;
      for (int i = length - 21; i < 9; i++) nanos *= 10;
    }
    if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) return null;
    try {
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** {@code text} as a date if it has the form {@code yyyy-MM-dd} and is a valid date, else null. */
  static LocalDate parseDate(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') return null;
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    if ((year | month | day) < 0) return null;
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The decimal number in {@code text} from {@code start} to {@code end}, or -1 if any of it is not a digit. */
  private static int digits(String text, int start, int end) {
    int value = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') return -1;
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Reads a string through {@code quick}, and whatever {@code quick} does not take through {@code full}. */
  private static final class QuickReader<T> extends StdScalarDeserializer<T> {

    private final Function<String, T> quick;
    private final JsonDeserializer<T> full;

    private QuickReader(Class<T> type, Function<String, T> quick, JsonDeserializer<T> full) {
      super(type);
      this.quick = quick;
      this.full = full;
    }

    @Override
    public T deserialize(JsonParser json, DeserializationContext context) throws IOException {
      if (json.currentToken() == JsonToken.VALUE_STRING) {
        T value = quick.apply(json.getText());
        if (value != null) return value;
      }
      return full.deserialize(json, context);
    }
  }
}
