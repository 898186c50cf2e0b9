package nl.regie.protocol.iwmo.regels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.regie.protocol.codes.DebetCredit;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Heenbericht;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Retourbericht;
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

/**
 * Checks a received retourbericht (a 302 or 320 from an aanbieder; any retour in tests) against
 * the heenbericht it claims to answer: the header copied unchanged and the content repeated
 * unchanged (IV028), or for a 325 the references and totals right (IV087, TR342, TR366, TR367).
 * Which heenbericht it answers is found by {@code retour.header().heen().berichtIdentificatie()}
 * (a 325: {@code header().declaratieIdentificatie()}); that lookup is the server's.
 */
public final class Retourcontrole {

  private Retourcontrole() {}

  /** The ways {@code retour} fails to answer {@code heen}; empty when it is a proper answer. */
  public static List<String> controleer(Heenbericht heen, Retourbericht retour) {
    List<String> problemen = new ArrayList<>();
    if (heen.retourSoort() != retour.soort()) {
      problemen.add(retour.soort() + " does not answer a " + heen.soort());
      return problemen;
    }
    if (retour instanceof Wmo325 r) {
      declaratieAntwoord((Wmo323) heen, r, problemen);
      return problemen;
    }
    Object inhoud = inhoud(retour);
    if (!retourHeader(retour).equals(heen.header())) {
      problemen.add("the header is not the heenbericht's header unchanged");
    }
    if (inhoud != null && !inhoud.equals(inhoud(heen))) {
      problemen.add("the content is not the heenbericht's content unchanged");
    }
    return problemen;
  }

  private static void declaratieAntwoord(Wmo323 heen, Wmo325 r, List<String> problemen) {
    eis(r.header().declaratieIdentificatie().equals(heen.header().berichtIdentificatie()), "DeclaratieIdentificatie is not the 323's BerichtIdentificatie", problemen);
    eis(r.header().afzender().equals(heen.header().ontvanger()) && r.header().ontvanger().equals(heen.header().afzender()),
        "Afzender and Ontvanger are not the 323's the other way round", problemen);
    eis(r.header().xsdVersieDeclaratie().equals(heen.header().xsdVersie()), "XsdVersieDeclaratie is not the 323's XsdVersie", problemen);
    Wmo325.DeclaratieAntwoord a = r.declaratieAntwoord();
    if (a == null) return;
    Wmo323.Declaratie d = heen.declaratie();
    eis(a.declaratieNummer().equals(d.declaratieNummer()), "DeclaratieNummer is not the 323's", problemen);
    eis(a.totaalIngediendBedrag().equals(d.totaalIngediendBedrag()), "TotaalIngediendBedrag is not the 323's", problemen);
    eis(a.totaalToegekendBedrag().bedrag() != 0 || a.totaalToegekendBedrag().debetCredit() == DebetCredit.DEBET,
        "CS325: TotaalToegekendBedrag 0 is not debet", problemen);
    Map<String, Wmo323.Prestatie> opReferentie = new HashMap<>();
    Map<String, String> bsnVan = new HashMap<>();
    for (Wmo323.Client c : d.clienten()) {
      for (Wmo323.Prestatie p : c.prestaties()) {
        opReferentie.put(p.productReferentie().referentieNummer(), p);
        bsnVan.put(p.productReferentie().referentieNummer(), c.bsn());
      }
    }
    long afgewezen = 0;
    for (int i = 0; i < a.clienten().size(); i++) {
      Wmo323.Client c = a.clienten().get(i);
      for (int j = 0; j < c.prestaties().size(); j++) {
        Wmo323.Prestatie p = c.prestaties().get(j);
        String ref = p.productReferentie().referentieNummer();
        Wmo323.Prestatie origineel = opReferentie.get(ref);
        if (origineel == null) {
          problemen.add("TR366 (9366): prestatie " + ref + " is not in the declaratie");
          continue;
        }
        eis(origineel.equals(p), "TR367 (9367): prestatie " + ref + " differs from the declaratie", problemen);
        eis(Objects.equals(bsnVan.get(ref), c.bsn()), "TR304 (8187): prestatie " + ref + " does not belong to cliënt " + c.bsn(), problemen);
        eis(r.retourcodes().van(Wmo323.prestatie(i, j)).stream().anyMatch(k -> k.isAfkeur() || k == Retourcode.R0233),
            "TR342: prestatie " + ref + " is repeated but not rejected", problemen);
        afgewezen += p.ingediendBedrag().saldo();
      }
    }
    boolean declaratieAfgekeurd = r.retourcodes().van(Klassepad.DECLARATIE).stream().anyMatch(Retourcode::isAfkeur);
    long verwacht = declaratieAfgekeurd ? 0 : a.totaalIngediendBedrag().saldo() - afgewezen;
    eis(a.totaalToegekendBedrag().saldo() == verwacht,
        "TR342: TotaalToegekendBedrag " + a.totaalToegekendBedrag().saldo() + " should be " + verwacht, problemen);
  }

  private static void eis(boolean voldaan, String probleem, List<String> problemen) {
    if (!voldaan) problemen.add(probleem);
  }

  private static Object retourHeader(Retourbericht r) {
    if (r instanceof Wmo302 b) return b.header().heen();
    if (r instanceof Wmo306 b) return b.header().heen();
    if (r instanceof Wmo308 b) return b.header().heen();
    if (r instanceof Wmo316 b) return b.header().heen();
    if (r instanceof Wmo318 b) return b.header().heen();
    if (r instanceof Wmo320 b) return b.header().heen();
    throw new IllegalArgumentException(r.soort().name());
  }

  private static Object inhoud(Object bericht) {
    if (bericht instanceof Wmo302 b) return b.client();
    if (bericht instanceof Wmo306 b) return b.client();
    if (bericht instanceof Wmo308 b) return b.client();
    if (bericht instanceof Wmo316 b) return b.client();
    if (bericht instanceof Wmo318 b) return b.client();
    if (bericht instanceof Wmo320 b) return b.antwoord();
    if (bericht instanceof Wmo301 b) return b.client();
    if (bericht instanceof Wmo305 b) return b.client();
    if (bericht instanceof Wmo307 b) return b.client();
    if (bericht instanceof Wmo315 b) return b.client();
    if (bericht instanceof Wmo317 b) return b.client();
    if (bericht instanceof Wmo319 b) return b.antwoord();
    throw new IllegalArgumentException(bericht.getClass().getSimpleName());
  }
}
