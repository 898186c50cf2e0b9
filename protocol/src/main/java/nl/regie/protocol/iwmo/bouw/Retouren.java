package nl.regie.protocol.iwmo.bouw;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Bedrag;
import nl.regie.protocol.iwmo.bericht.BerichtIdentificatie;
import nl.regie.protocol.iwmo.bericht.DeclaratieAntwoordHeader;
import nl.regie.protocol.iwmo.bericht.Heenbericht;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.RetourHeader;
import nl.regie.protocol.iwmo.bericht.Retourbericht;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.bericht.Wmo302;
import nl.regie.protocol.iwmo.bericht.Wmo305;
import nl.regie.protocol.iwmo.bericht.Wmo306;
import nl.regie.protocol.iwmo.bericht.Wmo307;
import nl.regie.protocol.iwmo.bericht.Wmo308;
import nl.regie.protocol.iwmo.bericht.Wmo315;
import nl.regie.protocol.iwmo.bericht.Wmo316;
import nl.regie.protocol.iwmo.bericht.Wmo317;
import nl.regie.protocol.iwmo.bericht.Wmo318;
import nl.regie.protocol.iwmo.bericht.Wmo319;
import nl.regie.protocol.iwmo.bericht.Wmo320;
import nl.regie.protocol.iwmo.bericht.Wmo323;
import nl.regie.protocol.iwmo.bericht.Wmo325;
import nl.regie.protocol.iwmo.bericht.XsdVersie;

/**
 * Builds the retourbericht that answers a heenbericht, from the retourcodes per berichtklasse the
 * rules and the server decided (usually only the rejections: {@code Beoordeling.retourcodes()}
 * merged with the server's own). Follows IV028 and OP065 (IV087 and TR342 for the 325):
 *
 * <ul>
 *   <li>nothing rejected: only the header, without retourcodes (a 325: header 0200 and a
 *       DeclaratieAntwoord with 8001, everything granted);
 *   <li>0001 anywhere: only the header, with 0001;
 *   <li>a rejection in the header (8848, S300, ...): only the header, with those codes;
 *   <li>otherwise the header with 0200 and the content of the heenbericht with every berichtklasse
 *       coded: its own codes, or 0200 when it has none. A 325 repeats only the cliënten and
 *       prestaties it rejects and grants the rest.
 * </ul>
 *
 * A klasse with a rejection keeps only its rejecting codes. Codes for a klasse the heenbericht does
 * not have are a programming error and throw {@link IllegalArgumentException}.
 */
public final class Retouren {

  private Retouren() {}

  /** The retourbericht of the right soort for {@code heen}. */
  public static Retourbericht retour(Heenbericht heen, Retourcodes codes, Retourgegevens gegevens) {
    if (heen instanceof Wmo301 b) return wmo302(b, codes, gegevens);
    if (heen instanceof Wmo305 b) return wmo306(b, codes, gegevens);
    if (heen instanceof Wmo307 b) return wmo308(b, codes, gegevens);
    if (heen instanceof Wmo315 b) return wmo316(b, codes, gegevens);
    if (heen instanceof Wmo317 b) return wmo318(b, codes, gegevens);
    if (heen instanceof Wmo319 b) return wmo320(b, codes, gegevens);
    if (heen instanceof Wmo323 b) return wmo325(b, codes, gegevens);
    throw new IllegalArgumentException("no retour for " + heen.soort());
  }

  public static Wmo302 wmo302(Wmo301 heen, Retourcodes codes, Retourgegevens gegevens) {
    Uitkomst u = uitkomst(heen, codes);
    return new Wmo302(header(heen, gegevens), u.metInhoud ? heen.client() : null, u.codes);
  }

  public static Wmo306 wmo306(Wmo305 heen, Retourcodes codes, Retourgegevens gegevens) {
    Uitkomst u = uitkomst(heen, codes);
    return new Wmo306(header(heen, gegevens), u.metInhoud ? heen.client() : null, u.codes);
  }

  public static Wmo308 wmo308(Wmo307 heen, Retourcodes codes, Retourgegevens gegevens) {
    Uitkomst u = uitkomst(heen, codes);
    return new Wmo308(header(heen, gegevens), u.metInhoud ? heen.client() : null, u.codes);
  }

  public static Wmo316 wmo316(Wmo315 heen, Retourcodes codes, Retourgegevens gegevens) {
    Uitkomst u = uitkomst(heen, codes);
    return new Wmo316(header(heen, gegevens), u.metInhoud ? heen.client() : null, u.codes);
  }

  public static Wmo318 wmo318(Wmo317 heen, Retourcodes codes, Retourgegevens gegevens) {
    Uitkomst u = uitkomst(heen, codes);
    return new Wmo318(header(heen, gegevens), u.metInhoud ? heen.client() : null, u.codes);
  }

  public static Wmo320 wmo320(Wmo319 heen, Retourcodes codes, Retourgegevens gegevens) {
    Uitkomst u = uitkomst(heen, codes);
    return new Wmo320(header(heen, gegevens), u.metInhoud ? heen.antwoord() : null, u.codes);
  }

  /**
   * The declaratie-antwoord: the gemeente (the 323's Ontvanger) answers the aanbieder under its own
   * BerichtIdentificatie ({@code gegevens}); DeclaratieIdentificatie is the 323's. {@code codes}
   * use the 323's paths; the 325 re-indexes them to the cliënten and prestaties it repeats.
   */
  public static Wmo325 wmo325(Wmo323 heen, Retourcodes codes, Retourgegevens gegevens) {
    controleerPaden(heen, codes);
    DeclaratieAntwoordHeader header =
        new DeclaratieAntwoordHeader(
            heen.header().ontvanger(),
            heen.header().afzender(),
            new BerichtIdentificatie(gegevens.identificatie(), gegevens.dagtekening()),
            XsdVersie.IWMO_3_2,
            heen.header().berichtIdentificatie(),
            gegevens.xsltVersie(),
            heen.header().xsdVersie());
    Wmo323.Declaratie d = heen.declaratie();
    Bedrag ingediend = d.totaalIngediendBedrag();
    if (codes.isTechnischAfgekeurd()) {
      return new Wmo325(header, null, Retourcodes.van(Klassepad.HEADER, Retourcode.R0001));
    }
    List<Retourcode> headerAfkeur = afkeur(codes.van(Klassepad.HEADER));
    if (!headerAfkeur.isEmpty()) {
      return new Wmo325(header, null, Retourcodes.van(Klassepad.HEADER, headerAfkeur.toArray(Retourcode[]::new)));
    }
    Retourcodes uit = Retourcodes.van(Klassepad.HEADER, Retourcode.R0200);
    List<Retourcode> declaratieAfkeur = afkeur(codes.van(Klassepad.DECLARATIE));
    if (!declaratieAfkeur.isEmpty()) {
      // The declaratie as a whole is refused: no prestatie is judged, nothing granted (TR342).
      var antwoord = new Wmo325.DeclaratieAntwoord(d.declaratieNummer(), ingediend, Bedrag.NUL, List.of());
      return new Wmo325(header, antwoord, uit.met(Klassepad.DECLARATIE, declaratieAfkeur.toArray(Retourcode[]::new)));
    }
    if (!codes.heeftAfkeur()) {
      var antwoord = new Wmo325.DeclaratieAntwoord(d.declaratieNummer(), ingediend, ingediend, List.of());
      return new Wmo325(header, antwoord, uit.met(Klassepad.DECLARATIE, Retourcode.R8001));
    }
    uit = uit.met(Klassepad.DECLARATIE, Retourcode.R0200);
    List<Wmo323.Client> clienten = new ArrayList<>();
    long afgewezen = 0;
    for (int i = 0; i < d.clienten().size(); i++) {
      Wmo323.Client client = d.clienten().get(i);
      List<Retourcode> clientAfkeur = afkeur(codes.van(Wmo323.client(i)));
      List<Wmo323.Prestatie> terug = new ArrayList<>();
      List<List<Retourcode>> terugCodes = new ArrayList<>();
      for (int j = 0; j < client.prestaties().size(); j++) {
        List<Retourcode> prestatieAfkeur = afkeur(codes.van(Wmo323.prestatie(i, j)));
        if (!clientAfkeur.isEmpty() || !prestatieAfkeur.isEmpty()) {
          terug.add(client.prestaties().get(j));
          // Under a rejected cliënt the prestaties are not judged (0233, IV087) unless they were.
          terugCodes.add(prestatieAfkeur.isEmpty() ? List.of(Retourcode.R0233) : prestatieAfkeur);
          afgewezen += client.prestaties().get(j).ingediendBedrag().saldo();
        }
      }
      if (terug.isEmpty()) continue;
      int k = clienten.size();
      clienten.add(new Wmo323.Client(client.bsn(), terug));
      uit = uit.met(Wmo323.client(k), (clientAfkeur.isEmpty() ? List.of(Retourcode.R0200) : clientAfkeur).toArray(Retourcode[]::new));
      for (int j = 0; j < terug.size(); j++) {
        uit = uit.met(Wmo323.prestatie(k, j), terugCodes.get(j).toArray(Retourcode[]::new));
      }
    }
    Bedrag toegekend = Bedrag.vanSaldo(ingediend.saldo() - afgewezen);
    var antwoord = new Wmo325.DeclaratieAntwoord(d.declaratieNummer(), ingediend, toegekend, clienten);
    return new Wmo325(header, antwoord, uit);
  }

  /** The heenbericht's codes as the retour gives them, and whether it repeats the content. */
  private record Uitkomst(boolean metInhoud, Retourcodes codes) {}

  private static Uitkomst uitkomst(Heenbericht heen, Retourcodes codes) {
    controleerPaden(heen, codes);
    if (codes.isTechnischAfgekeurd()) {
      return new Uitkomst(false, Retourcodes.van(Klassepad.HEADER, Retourcode.R0001));
    }
    List<Retourcode> headerAfkeur = afkeur(codes.van(Klassepad.HEADER));
    if (!headerAfkeur.isEmpty()) {
      return new Uitkomst(false, Retourcodes.van(Klassepad.HEADER, headerAfkeur.toArray(Retourcode[]::new)));
    }
    if (!codes.heeftAfkeur()) return new Uitkomst(false, Retourcodes.GEEN);
    TreeMap<Klassepad, List<Retourcode>> uit = new TreeMap<>();
    uit.put(Klassepad.HEADER, List.of(Retourcode.R0200));
    for (Klassepad pad : heen.klassen()) uit.put(pad, genormaliseerd(codes.van(pad)));
    return new Uitkomst(true, Retourcodes.van(uit));
  }

  private static RetourHeader header(Heenbericht heen, Retourgegevens g) {
    return RetourHeader.op(heen.header(), g.identificatie(), g.dagtekening(), g.xsltVersie());
  }

  /** A klasse's codes in a retour: its rejections if any, else 0233 if given, else 0200. */
  private static List<Retourcode> genormaliseerd(List<Retourcode> codes) {
    List<Retourcode> afkeur = afkeur(codes);
    if (!afkeur.isEmpty()) return afkeur;
    return List.of(codes.contains(Retourcode.R0233) ? Retourcode.R0233 : Retourcode.R0200);
  }

  private static List<Retourcode> afkeur(List<Retourcode> codes) {
    return codes.stream().filter(Retourcode::isAfkeur).toList();
  }

  private static void controleerPaden(Heenbericht heen, Retourcodes codes) {
    Set<Klassepad> bekend = new HashSet<>(heen.klassen());
    bekend.add(Klassepad.HEADER);
    for (Klassepad pad : codes.perKlasse().keySet()) {
      if (!bekend.contains(pad)) {
        throw new IllegalArgumentException(heen.soort() + " has no berichtklasse " + pad);
      }
    }
  }
}
