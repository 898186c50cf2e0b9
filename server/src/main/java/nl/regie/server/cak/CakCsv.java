package nl.regie.server.cak;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.regie.protocol.api.CakLeveringView;
import nl.regie.protocol.api.CakMutatieView;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.headers.ContentDisposition;
import org.apache.pekko.http.javadsl.model.headers.ContentDispositionTypes;

/**
 * The CAK aanlevering as CSV: UTF-8, a header row, fields separated by {@code ;} (what a Dutch
 * spreadsheet opens without asking), lines ended by CRLF (RFC 4180), dates as ISO {@code
 * 2026-11-03} and moments as ISO instants in UTC; an empty field for a value that is absent. A
 * field with a separator, quote or line break is quoted, its quotes doubled; the BSN and the
 * toewijzingnummer are plain digits (a spreadsheet may drop a BSN's leading zero: import as text).
 */
final class CakCsv {

  private CakCsv() {}

  static final String MUTATIES_HEADER =
      "geregistreerd;soort;bsn;gemeente;toewijzingNummer;product;aanbieder;begindatum;einddatum;reden;caseId";
  static final String STAND_HEADER = "bsn;gemeente;toewijzingNummer;product;aanbieder;begindatum;einddatum;reden;caseId";

  static String mutaties(List<CakMutatieView> lines) {
    return MUTATIES_HEADER + "\r\n" + lines.stream().map(m -> row(m.geregistreerd(), m.soort(), m.bsn(), m.gemeente(),
        m.toewijzingNummer(), m.product(), m.aanbieder(), m.begindatum(), m.einddatum(), m.reden(), m.caseId())).collect(Collectors.joining());
  }

  static String stand(List<CakLeveringView> periods) {
    return STAND_HEADER + "\r\n" + periods.stream().map(l -> row(l.bsn(), l.gemeente(), l.toewijzingNummer(), l.product(),
        l.aanbieder(), l.begindatum(), l.einddatum(), l.reden(), l.caseId())).collect(Collectors.joining());
  }

  static HttpResponse response(String fileName, String csv) {
    return HttpResponse.create()
        .withEntity(ContentTypes.create(MediaTypes.TEXT_CSV, HttpCharsets.UTF_8), csv.getBytes(StandardCharsets.UTF_8))
        .addHeader(ContentDisposition.create(ContentDispositionTypes.ATTACHMENT, Map.of("filename", fileName)));
  }

  private static String row(Object... values) {
    return Stream.of(values).map(CakCsv::field).collect(Collectors.joining(";")) + "\r\n";
  }

  static String field(Object value) {
    if (value == null) return "";
    String text = String.valueOf(value);
    if (text.chars().noneMatch(ch -> ch == ';' || ch == '"' || ch == '\n' || ch == '\r')) return text;
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
