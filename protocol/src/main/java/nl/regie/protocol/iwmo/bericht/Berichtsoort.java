package nl.regie.protocol.iwmo.bericht;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import nl.regie.protocol.codes.Code;

/**
 * The fourteen iWmo 3.2 berichten Regie speaks, with what the standard fixes for each: BerichtCode
 * (Vektis COD002), namespace, schema file, which heenbericht a retourbericht answers, and whether
 * the gemeente is the Afzender in its header.
 *
 * <p>A retourbericht copies Afzender and Ontvanger from its heenbericht (IV028), so the gemeente is
 * the Afzender of a 302 and the aanbieder of a 306. WMO325 is the exception: it has a header of
 * its own in which the gemeente sends (IV087).
 */
public enum Berichtsoort implements Code {
  WMO301("414", "Toewijzing", null, true),
  WMO302("415", "Retour toewijzing", WMO301, true),
  WMO305("418", "Start zorg", null, false),
  WMO306("419", "Retour start zorg", WMO305, false),
  WMO307("420", "Stop zorg", null, false),
  WMO308("421", "Retour stop zorg", WMO307, false),
  WMO315("444", "Verzoek om toewijzing", null, false),
  WMO316("445", "Retour verzoek om toewijzing", WMO315, false),
  WMO317("480", "Verzoek om wijziging", null, false),
  WMO318("481", "Retour verzoek om wijziging", WMO317, false),
  WMO319("482", "Antwoordbericht", null, true),
  WMO320("483", "Retour antwoordbericht", WMO319, true),
  WMO323("484", "Declaratie", null, false),
  WMO325("485", "Declaratie-antwoord", WMO323, true);

  /** Namespace of the iWmo 3.2 Basisschema (prefix {@code iwmo}). */
  public static final String BASISSCHEMA_NAMESPACE =
      "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema";

  /** BerichtVersie and BerichtSubversie of iWmo 3.2 (CS025, CS015). */
  public static final int BERICHT_VERSIE = 3;

  public static final int BERICHT_SUBVERSIE = 2;

  private final String code;
  private final String omschrijving;
  private final Berichtsoort heen;
  private final boolean gemeenteIsAfzender;

  Berichtsoort(String code, String omschrijving, Berichtsoort heen, boolean gemeenteIsAfzender) {
    this.code = code;
    this.omschrijving = omschrijving;
    this.heen = heen;
    this.gemeenteIsAfzender = gemeenteIsAfzender;
  }

  /** The BerichtCode in the header, e.g. 414 for WMO301. */
  @Override
  public String code() {
    return code;
  }

  @Override
  public String omschrijving() {
    return omschrijving;
  }

  /** The name as iWmo writes it and as JSON carries it, e.g. {@code WMO301}. */
  @JsonValue
  public String naam() {
    return name();
  }

  /** The prefix the official samples use for the message namespace, e.g. {@code wmo301}. */
  public String prefix() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String namespace() {
    return "http://www.istandaarden.nl/iwmo/3_2/" + prefix() + "/schema";
  }

  /** The schema file under {@code nl/regie/protocol/iwmo/xsd/}. */
  public String xsd() {
    return name() + ".xsd";
  }

  public boolean isRetour() {
    return heen != null;
  }

  /** For a retourbericht: the heenbericht it answers. */
  public Optional<Berichtsoort> heen() {
    return Optional.ofNullable(heen);
  }

  /** For a heenbericht: the retourbericht that answers it. */
  public Optional<Berichtsoort> retour() {
    return Arrays.stream(values()).filter(s -> s.heen == this).findFirst();
  }

  /** Whether the header's Afzender is a gemeentecode (and the Ontvanger an AGB-code). */
  public boolean gemeenteIsAfzender() {
    return gemeenteIsAfzender;
  }

  public static Optional<Berichtsoort> vanNamespace(String namespace) {
    return Arrays.stream(values()).filter(s -> s.namespace().equals(namespace)).findFirst();
  }

  /** Accepts the name ({@code WMO305}) as JSON carries it. */
  @JsonCreator
  public static Berichtsoort of(String naam) {
    return valueOf(naam.toUpperCase(Locale.ROOT));
  }
}
