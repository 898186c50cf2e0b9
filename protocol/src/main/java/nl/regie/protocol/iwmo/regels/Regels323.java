package nl.regie.protocol.iwmo.regels;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.regie.protocol.codes.DebetCredit;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Bedrag;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Periode;
import nl.regie.protocol.iwmo.bericht.Wmo323;

/** Stateless rules of WMO323 Declaratie. */
final class Regels323 {

  private static final LocalDate BEGIN_2021 = LocalDate.of(2021, 1, 1);

  private Regels323() {}

  static void toets(Toets t, Wmo323 b) {
    Wmo323.Declaratie d = b.declaratie();
    Klassepad dp = Klassepad.DECLARATIE;
    Periode periode = d.declaratiePeriode();
    t.eis(!periode.begindatum().isBefore(BEGIN_2021), "CS100", dp, "DeclaratiePeriode begint voor 01-01-2021");
    YearMonth maand = YearMonth.from(periode.begindatum());
    t.eis(periode.equals(Periode.maand(maand)), "CS340", dp, "DeclaratiePeriode is niet precies één kalendermaand");
    Gedeeld.nietNaDagtekening(t, dp, periode.begindatum(), "Begindatum DeclaratiePeriode");
    eindeVanPeriode(t, dp, periode, "DeclaratiePeriode");
    nulIsDebet(t, dp, d.totaalIngediendBedrag(), "TotaalIngediendBedrag");

    long saldo = 0;
    Set<String> referenties = new HashSet<>();
    Set<String> vorigeReferenties = new HashSet<>();
    Set<List<Object>> debetSleutels = new HashSet<>();
    for (Wmo323.Client c : d.clienten()) {
      for (Wmo323.Prestatie p : c.prestaties()) {
        referenties.add(p.productReferentie().referentieNummer());
      }
    }
    Set<String> gezien = new HashSet<>();
    for (int i = 0; i < d.clienten().size(); i++) {
      Wmo323.Client c = d.clienten().get(i);
      Gedeeld.bsn(t, Wmo323.client(i), c.bsn());
      for (int j = 0; j < c.prestaties().size(); j++) {
        Wmo323.Prestatie p = c.prestaties().get(j);
        Klassepad pad = Wmo323.prestatie(i, j);
        prestatie(t, pad, d, p);
        saldo += p.ingediendBedrag().saldo();
        String ref = p.productReferentie().referentieNummer();
        String vorig = p.productReferentie().vorigReferentieNummer();
        // TR314 is berichtoverstijgend, but a ReferentieNummer used twice in one message shows here.
        t.overstijgend(gezien.add(ref), "TR314", pad, Retourcode.R8021, "ReferentieNummer " + ref + " komt vaker voor");
        if (vorig != null) {
          t.eis(vorigeReferenties.add(vorig), "TR315", pad, "VorigReferentieNummer " + vorig + " komt vaker voor");
          t.eis(!referenties.contains(vorig), "TR316", pad, "crediteert prestatie " + vorig + " uit hetzelfde bericht");
        }
        if (p.ingediendBedrag().debetCredit() == DebetCredit.DEBET) {
          List<Object> sleutel = List.of(p.toewijzingNummer(), p.productPeriode(), p.productCategorie(), p.productCode());
          t.eis(debetSleutels.add(sleutel), "TR416", pad, "tweede debetprestatie voor dezelfde toewijzing, periode en product");
        }
      }
      final int ci = i;
      Gedeeld.uniek(t, c.prestaties(), j -> Wmo323.prestatie(ci, j), Wmo323.Prestatie::productReferentie);
    }
    Gedeeld.uniek(t, d.clienten(), Wmo323::client, Wmo323.Client::bsn);
    t.eis(
        saldo == d.totaalIngediendBedrag().saldo(),
        "TR358",
        dp,
        "TotaalIngediendBedrag " + d.totaalIngediendBedrag().saldo() + " is niet de som van de prestaties " + saldo);
  }

  private static void prestatie(Toets t, Klassepad pad, Wmo323.Declaratie d, Wmo323.Prestatie p) {
    Periode periode = p.productPeriode();
    t.eis(!periode.begindatum().isBefore(BEGIN_2021), "CS100", pad, "ProductPeriode begint voor 01-01-2021");
    t.eis(
        YearMonth.from(periode.begindatum()).equals(YearMonth.from(periode.einddatum())),
        "CS337",
        pad,
        "ProductPeriode valt niet binnen één kalendermaand");
    Gedeeld.nietNaDagtekening(t, pad, periode.begindatum(), "Begindatum ProductPeriode");
    eindeVanPeriode(t, pad, periode, "ProductPeriode");
    t.eis(
        !periode.einddatum().isBefore(d.declaratieDagtekening().minusYears(5)),
        "TR335",
        pad,
        "Einddatum ProductPeriode ligt meer dan 5 jaar voor de DeclaratieDagtekening");
    boolean euros = p.eenheid() == Eenheid.EUROS;
    t.eis(!euros || p.ingediendBedrag().bedrag() == p.geleverdVolume(), "CS339", pad, "Eenheid 83 maar IngediendBedrag is niet GeleverdVolume");
    t.eis(euros == (p.productTarief() == null), "CD087", pad, "ProductTarief hoort gevuld te zijn precies als Eenheid niet 83 is");
    boolean credit = p.ingediendBedrag().debetCredit() == DebetCredit.CREDIT;
    t.eis(
        credit == (p.productReferentie().vorigReferentieNummer() != null),
        "CD060",
        pad,
        "VorigReferentieNummer hoort gevuld te zijn precies bij een creditprestatie");
    nulIsDebet(t, pad, p.ingediendBedrag(), "IngediendBedrag");
    Gedeeld.productcode(t, pad, p.productCategorie(), p.productCode());
    if (!euros && p.productTarief() != null) {
      // TR346 compares with the unrounded tarief; in iWmo 3.2 a tarief is a whole number of cents.
      t.extern(
          p.ingediendBedrag().bedrag() == Math.multiplyExact(p.geleverdVolume(), p.productTarief()),
          "TR346",
          pad,
          Retourcode.R9346,
          "IngediendBedrag " + p.ingediendBedrag().bedrag() + " is niet " + p.geleverdVolume() + " × " + p.productTarief());
    }
  }

  /** TR137: an end on or after the begin, and not after the Dagtekening. */
  private static void eindeVanPeriode(Toets t, Klassepad pad, Periode periode, String element) {
    t.eis(
        !periode.isOmgekeerd() && !periode.einddatum().isAfter(t.dagtekening),
        "TR137",
        pad,
        "Einddatum " + element + " " + periode.einddatum() + " ligt voor de Begindatum of na de Dagtekening");
  }

  /** CS325: an amount of zero is debet. */
  private static void nulIsDebet(Toets t, Klassepad pad, Bedrag bedrag, String element) {
    t.eis(bedrag.bedrag() != 0 || bedrag.debetCredit() == DebetCredit.DEBET, "CS325", pad, element + " 0 moet debet zijn");
  }
}
