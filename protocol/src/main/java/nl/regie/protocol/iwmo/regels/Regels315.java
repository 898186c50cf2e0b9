package nl.regie.protocol.iwmo.regels;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.regie.protocol.codes.TypeVerwijzer;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Verwijzer;
import nl.regie.protocol.iwmo.bericht.Wmo315;

/** Stateless rules of WMO315 Verzoek om toewijzing. */
final class Regels315 {

  /** Verwijzers that are care providers and so may be named by AGB-code (CD066-CD068). */
  private static final Set<TypeVerwijzer> ZORGVERLENERS =
      Set.of(TypeVerwijzer.HUISARTS, TypeVerwijzer.JEUGDARTS, TypeVerwijzer.GECERTIFICEERDE_INSTELLING, TypeVerwijzer.MEDISCH_SPECIALIST);

  private Regels315() {}

  static void toets(Toets t, Wmo315 b) {
    Wmo315.Client c = b.client();
    Gedeeld.bsn(t, Klassepad.CLIENT, c.bsn());
    Gedeeld.geboortedatum(t, Klassepad.CLIENT, c.geboortedatum());
    List<Gedeeld.Zorgperiode> perioden = new ArrayList<>();
    Set<String> referenties = new HashSet<>();
    for (int i = 0; i < c.aangevraagdeProducten().size(); i++) {
      Wmo315.AangevraagdProduct p = c.aangevraagdeProducten().get(i);
      Klassepad pad = Wmo315.aangevraagdProduct(i);
      t.eis(
          (p.beschikkingNummer() != null) == (p.beschikkingIngangsdatum() != null),
          "CD043",
          pad,
          "BeschikkingIngangsdatum hoort gevuld te zijn precies als BeschikkingNummer gevuld is");
      Gedeeld.periode(t, pad, p.periode(), "ToewijzingEinddatum");
      Gedeeld.omvangEnBudget(
          t, pad, p.product(), p.omvang(), p.budget(), p.toewijzingEinddatum(), "ToewijzingEinddatum", true, true, "CD095", "CS343");
      verwijzer(t, pad, p.verwijzer());
      Gedeeld.productcode(t, pad, p.product());
      // TR383 is also the logical key of AangevraagdProduct (TR101); one finding is enough.
      t.eis(referenties.add(p.referentieAanbieder()), "TR383", pad, "ReferentieAanbieder " + p.referentieAanbieder() + " komt vaker voor");
      perioden.add(new Gedeeld.Zorgperiode(pad, p.product(), p.periode()));
    }
    Gedeeld.geenOverlap(t, "TR386", perioden);
  }

  private static void verwijzer(Toets t, Klassepad pad, Verwijzer v) {
    boolean zorgverlener = ZORGVERLENERS.contains(v.type());
    boolean metCode = v.zorgverlenerCode() != null;
    t.eis(!(zorgverlener && metCode) || v.naam() == null, "CD066", pad, "Naam verwijzer gevuld naast een ZorgverlenerCode");
    t.eis(!(zorgverlener && !metCode) || v.naam() != null, "CD067", pad, "Naam verwijzer ontbreekt zonder ZorgverlenerCode");
    t.eis(zorgverlener || !metCode, "CD068", pad, "ZorgverlenerCode bij verwijzer van type " + v.type().code());
  }
}
