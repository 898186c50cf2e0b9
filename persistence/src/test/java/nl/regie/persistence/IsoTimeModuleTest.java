package nl.regie.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quick path reads exactly what the full parser reads, and leaves everything else to it. */
class IsoTimeModuleTest {

  static final ObjectMapper standard = new ObjectMapper().registerModule(new JavaTimeModule());
  static final ObjectMapper quick = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new IsoTimeModule());

  @Test
  void everyInstantWrittenReadsBackAsTheFullParserReadsIt() throws Exception {
    Random random = new Random(20261207);
    for (int i = 0; i < 20_000; i++) {
      // 0001-01-01 to 9999-12-31, with 0 to 9 digits of fraction as Instant.toString writes them
      long second = -62_135_596_800L + (long) (random.nextDouble() * 315_537_897_599L);
      int nanos = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant instant = Instant.ofEpochSecond(second, nanos);
      String text = instant.toString();
      assertEquals(instant, IsoTimeModule.parse(text), text);
      assertEquals(Instant.parse(text), IsoTimeModule.parse(text), text);
      String json = "\"" + text + "\"";
      assertEquals(standard.readValue(json, Instant.class), quick.readValue(json, Instant.class), text);
    }
    // Fractions of every length, also those Instant.toString never writes
    for (String fraction : List.of(".1", ".12", ".1234", ".12345", ".1234567", ".12345678", ".000000001")) {
      String text = "2027-01-04T09:00:00" + fraction + "Z";
      assertEquals(Instant.parse(text), IsoTimeModule.parse(text), text);
    }
  }

  @Test
  void whatTheQuickPathDoesNotTakeTheFullParserReads() throws Exception {
    for (String text : List.of("2027-01-04T10:00:00+01:00", "2016-12-31T23:59:60Z", "+12027-01-04T09:00:00Z", "2027-01-04T09:00:00.Z",
        "2027-1-04T09:00:00Z", "2027-01-04 09:00:00Z", "2027-01-04T09:00:00.1234567890Z", "2027-02-30T09:00:00Z", "2027-01-04T24:00:00Z")) {
      assertNull(IsoTimeModule.parse(text), text);
    }
    for (String json : List.of("\"2027-01-04T10:00:00+01:00\"", "\"2016-12-31T23:59:60Z\"", "1796672790", "1796672790.5", "\" 2027-01-04T09:00:00Z \"",
        "\"2027-01-04T24:00:00Z\"")) {
      assertEquals(standard.readValue(json, Instant.class), quick.readValue(json, Instant.class), json);
    }
  }

  @Test
  void aMalformedMomentIsRefusedAsTheFullParserRefusesIt() {
    for (String json : List.of("\"2027-02-30T09:00:00Z\"", "\"yesterday\"", "\"2027-01-04T09:60:00Z\"")) {
      refusedAlike(json, Instant.class);
    }
  }

  @Test
  void everyDateReadsAsTheFullParserReadsIt() throws Exception {
    for (LocalDate date = LocalDate.of(1, 1, 1); date.getYear() <= 9999; date = date.plusDays(97)) {
      String text = date.toString();
      assertEquals(date, IsoTimeModule.parseDate(text), text);
      String json = "\"" + text + "\"";
      assertEquals(standard.readValue(json, LocalDate.class), quick.readValue(json, LocalDate.class), text);
    }
    for (LocalDate date = LocalDate.of(2024, 1, 1); date.getYear() < 2029; date = date.plusDays(1)) {
      assertEquals(date, IsoTimeModule.parseDate(date.toString()));
    }
  }

  @Test
  void whatTheQuickPathDoesNotTakeTheFullParserReadsOrRefusesAlike() throws Exception {
    for (String text : List.of("2027-02-29", "2027-13-01", "2027-1-04", "27-01-2027", "+12027-01-04", "2027-01-04T09:00", "2027/01/04")) {
      assertNull(IsoTimeModule.parseDate(text), text);
    }
    for (String json : List.of("[2027,1,4]", "\"2027-01-04T09:00:00\"", "\"\"")) {
      assertEquals(standard.readValue(json, LocalDate.class), quick.readValue(json, LocalDate.class), json);
    }
    for (String json : List.of("\"2027-02-29\"", "\"2027-13-01\"", "\"morgen\"")) {
      refusedAlike(json, LocalDate.class);
    }
  }

  /** {@code json} is refused as a {@code type} with the quick path as without it. */
  private static void refusedAlike(String json, Class<?> type) {
    Exception full = assertThrows(Exception.class, () -> standard.readValue(json, type));
    Exception ours = assertThrows(Exception.class, () -> quick.readValue(json, type));
    assertEquals(full.getClass(), ours.getClass(), json);
  }

  /** The shape Regie writes: Instant's own ISO form, which is DateTimeFormatter.ISO_INSTANT's. */
  @Test
  void regieWritesTheShapeTheQuickPathReads() throws Exception {
    Instant instant = Instant.parse("2027-01-04T09:00:00.120Z");
    assertEquals(DateTimeFormatter.ISO_INSTANT.format(instant), instant.toString());
    assertEquals(instant, quick.readValue(quick.writeValueAsString(instant), Instant.class));
  }
}
