package nl.regie.server.bericht;

import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits the values of a well-formed bericht and keeps their kind, so that a fuzzed bericht mostly
 * still meets its schema and gets to the rules and its case: a date moves by some days, a number
 * by some units at the same length, a text becomes other text, escaped. The edits are bytes the
 * fuzzer mutates: pairs of (which value, how), a text taking its characters from the bytes after.
 * Byte mutation of the whole document finds what breaks the reader; this finds what breaks what
 * comes after it.
 */
final class Waardenmutatie {

  /** The text of an element without children. */
  private static final Pattern XML_WAARDE = Pattern.compile(">([^<>]+)</");

  /** A string or integer property value. */
  private static final Pattern JSON_WAARDE = Pattern.compile(":\\s*(\"[^\"\\\\]*\"|-?\\d+)");

  private static final Pattern DATUM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private Waardenmutatie() {}

  /** {@code document} (XML or JSON) with the values {@code edits} picks changed as they say. */
  static String bewerk(String document, boolean xml, byte[] edits) {
    List<int[]> plekken = new ArrayList<>();
    Matcher m = (xml ? XML_WAARDE : JSON_WAARDE).matcher(document);
    while (m.find()) plekken.add(new int[] {m.start(1), m.end(1)});
    if (plekken.isEmpty()) return document;

    Map<Integer, String> nieuw = new TreeMap<>();
    ByteBuffer b = ByteBuffer.wrap(edits);
    while (b.remaining() >= 2) {
      int plek = (b.get() & 0xFF) % plekken.size();
      int hoe = b.get();
      int[] p = plekken.get(plek);
      nieuw.put(plek, waarde(document.substring(p[0], p[1]), xml, hoe, b));
    }
    StringBuilder uit = new StringBuilder(document);
    List<Integer> achterEerst = new ArrayList<>(nieuw.keySet());
    Collections.reverse(achterEerst);
    for (int plek : achterEerst) uit.replace(plekken.get(plek)[0], plekken.get(plek)[1], nieuw.get(plek));
    return uit.toString();
  }

  private static String waarde(String oud, boolean xml, int hoe, ByteBuffer b) {
    boolean tekst = !xml && oud.startsWith("\"");
    String kern = tekst ? oud.substring(1, oud.length() - 1) : oud;
    String waarde;
    if (DATUM.matcher(kern).matches()) {
      waarde = datum(kern, hoe);
    } else if (!kern.isEmpty() && kern.chars().allMatch(Character::isDigit)) {
      waarde = getal(kern, hoe);
    } else {
      waarde = tekst(hoe, b);
    }
    if (xml) return waarde.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return tekst ? "\"" + waarde.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : waarde;
  }

  /** Some days earlier or later; a whole year when the low bit says so. */
  private static String datum(String oud, int hoe) {
    try {
      LocalDate d = LocalDate.parse(oud);
      return ((hoe & 1) == 0 ? d.plusDays(hoe >> 1) : d.plusYears(hoe >> 1)).toString();
    } catch (DateTimeException e) {
      return oud;
    }
  }

  /** The number plus {@code hoe}, at the same number of digits (leading zeros kept, wrapping around). */
  private static String getal(String oud, int hoe) {
    if (oud.length() > 18) return oud;
    long modulus = (long) Math.pow(10, oud.length());
    long nieuw = Math.floorMod(Long.parseLong(oud) + hoe, modulus);
    return String.format("%0" + oud.length() + "d", nieuw);
  }

  /** Up to 31 characters from the bytes that follow, printable ASCII. */
  private static String tekst(int hoe, ByteBuffer b) {
    int lengte = Math.min(hoe & 31, b.remaining());
    StringBuilder s = new StringBuilder(lengte);
    for (int i = 0; i < lengte; i++) s.append((char) (0x20 + Math.floorMod(b.get(), 0x5F)));
    return s.toString();
  }
}
