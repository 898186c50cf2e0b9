package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * iWmo code list WJ001 (LDT_RetourCode): the verdict on one berichtklasse of a received bericht, as
 * a retourbericht carries it. Constants are named after their code ({@code R9019} is 9019) because
 * that is how everyone in the chain refers to them.
 *
 * <p>{@link #R0200}, {@link #R0233} and {@link #R8001} are not a rejection; every other code is
 * (IV028, IV087).
 */
public enum Retourcode implements Code {
  R0001("0001", "Bericht is afgekeurd om technische redenen.", null),
  R0200("0200", "Geen opmerking over deze berichtklasse.", null),
  R0233("0233", "Berichtklasse is niet beoordeeld.", null),
  R0611("0611", "Het ingediende tarief komt niet overeen met het contractuele tarief", "TR418"),
  R8001("8001", "Declaratie is volledig toegewezen.", null),
  R8017("8017", "Van deze credit prestatie is geen debet prestatie bekend.", "TR323"),
  R8021("8021", "Referentienummer prestatie is reeds aangeleverd.", "TR314"),
  R8187("8187", "De prestatie hoort niet bij deze cliënt.", "TR304"),
  R8214("8214", "DeclaratiePeriode is niet de kalendermaand die volgt op voorgaande DeclaratiePeriode terwijl iedere declaratieperiode zorg geleverd is.", "TR318"),
  R8848("8848", "Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen.", "TR135"),
  R9019("9019", "Het regiebericht kan niet gekoppeld worden aan een toewijzing.", "TR019"),
  R9056("9056", "Identificatie moet uniek zijn.", "TR056"),
  R9063("9063", "Het bericht kan niet verwerkt worden omdat geen eerder bericht ontvangen is", "TR063"),
  R9069("9069", "Er is geen actueel startbericht met dezelfde sleutel.", "TR069"),
  R9071("9071", "Het eerdere startbericht kan niet verwijderd worden omdat de zorg al beeindigd is.", "TR071"),
  R9074("9074", "Er is al een eerder bericht ontvangen met dezelfde sleutel.", "TR074"),
  R9307("9307", "Begindatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing.", "TR307"),
  R9308("9308", "Einddatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing.", "TR308"),
  R9319("9319", "De ProductPeriode valt niet geheel binnen een DeclaratiePeriode.", "TR319"),
  R9321("9321", "Het ingediende volume overschrijdt het toegewezen volume.", "TR321"),
  R9322("9322", "De som van de ingediende volumes overschrijdt het toegewezen volume.", "TR322"),
  R9326("9326", "De actuele levering is nog niet gestopt met een Stopbericht.", "TR326"),
  R9332("9332", "Toewijzing heeft geen uniek nummer binnen wettelijk domein.", "TR332"),
  R9333("9333", "Declaratienummer is niet uniek.", "TR333"),
  R9338("9338", "Niet iedere prestatie in een declaratiebericht is gerelateerd aan een toegewezen product op basis van het toewijzingnummer.", "TR338"),
  R9339("9339", "ProductCategorie in de prestatie is niet gelijk aan ProductCategorie in het ToegewezenProduct.", "TR339"),
  R9340("9340", "ProductCode in de Prestatie is niet gelijk aan ProductCode in het ToegewezenProduct.", "TR340"),
  R9341("9341", "Eenheid in de Prestatie past niet bij Eenheid in het ToegewezenProduct.", "TR341"),
  R9346("9346", "Eenheid is ongelijk is aan waarde 83 (Euro's), maar IngediendBedrag is niet gelijk aan GeleverdVolume vermenigvuldigd met (het onafgeronde) ProductTarief.", "TR346"),
  R9347("9347", "ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein.", "TR347"),
  R9349("9349", "Het VOW bericht bevat niet alle actuele toegewezen producten van de cliënt, hetzij in OngewijzigdProduct, hetzij in TeWijzigenProduct.", "TR349"),
  R9350("9350", "OngewijzigdProduct is niet gerelateerd aan een actueel toegewezen product op basis van het toewijzingnummer.", "TR350"),
  R9351("9351", "TeWijzigenProduct is niet gerelateerd aan een actuele toewijzing op basis van ToewijzingNummer.", "TR351"),
  R9355("9355", "ReferentieAanbieder in het antwoordbericht komt niet voor in een eerder verzoek om toewijzing of verzoek om wijziging.", "TR355"),
  R9357("9357", "GewensteIngangsdatum is kleiner dan of gelijk aan de dagtekening, maar niet gelijk aan de ingangsdatum van het originele ToegewezenProduct.", "TR357"),
  R9359("9359", "Er is al een toewijzing gestuurd met deze ReferentieAanbieder.", "TR359"),
  R9360("9360", "Er is al een antwoordbericht met deze ReferentieAanbieder, terwijl antwoordbericht in VerzoekAntwoord waarde 2 (aanvraag in onderzoek) heeft.", "TR360"),
  R9361("9361", "Het product komt vaker voor met overlappende zorgperiodes.", "TR361"),
  R9365("9365", "Er is al een antwoordbericht met dezelfde ReferentieAanbieder waar VerzoekAntwoord niet de waarde 'Aanvraag in onderzoek' heeft.", "TR365"),
  R9366("9366", "ProductReferentie komt niet voor in een Declaratiebericht.", "TR366"),
  R9367("9367", "De waarde komt niet overeen met de waarde uit heenbericht met gelijke ProductReferentie.", "TR367"),
  R9369("9369", "Budget is meegegeven, maar de som van GeleverdVolume in alle ingediende Prestaties passen niet binnen het toegewezen Budget.", "TR369"),
  R9373("9373", "Budget is gewijzigd, maar GewensteIngangsdatum is niet gelijk aan die in de actuele toewijzing.", "TR373"),
  R9374("9374", "Er is al een verzoek onderhanden.", "TR374"),
  R9375("9375", "Omvang is gevuld, terwijl Product in toewijzing met ToewijzingNummer leeg is en Einddatum groter dan 31-12-2020 of leeg is.", "TR375"),
  R9379("9379", "ReferentieAanbieder refereert niet naar een verzoek om toewijzing of verzoek om wijziging, is onterecht gevuld.", "TR379"),
  R9384("9384", "Declaratie op toewijzing met RedenWijziging \"13\" (Verwijderd).", "TR384"),
  R9385("9385", "Toewijzing heeft goedgekeurde declaratieregels.", "TR385"),
  R9387("9387", "Begindatum van de ProductPeriode is niet eerste dag van de kalendermaand waarop ProductPeriode betrekking heeft en Ingangsdatum van de toewijzing ligt niet later in deze betreffende maand.", "TR387"),
  R9388("9388", "Einddatum van de ProductPeriode is niet laatste dag van de kalendermaand waarop ProductPeriode betrekking heeft en Einddatum van de toewijzing ligt niet eerder in deze betreffende maand.", "TR388"),
  R9389("9389", "Deze prestatie heeft een debetprestatie zonder bijbehorende creditprestatie.", "TR389"),
  R9390("9390", "Er is al een Prestatie met gelijk ProductReferentie met waarde Credit.", "TR390"),
  R9411("9411", "Omvang is leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer gevuld is.", "TR411"),
  R9412("9412", "Omvang is niet leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer leeg is en einddatum groter dan 31-12-2020 of leeg is.", "TR412"),
  R9413("9413", "StatusAanlevering is waarde 1 of 2 en RedenBeeindiging heeft waarde 20, terwijl er al een ander StopProduct met hetzelfde Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging waarde 20 is.", "TR413"),
  R9414("9414", "Einddatum is niet >= aan Einddatum uit actuele StopProduct met gelijk Bsn, ToewijzingNummer en Begindatum.", "TR414"),
  R9415("9415", "Er is al een StopProduct met gelijk Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging <> waarde 20 en StatusAanlevering heeft waarde 1 of 2.", "TR415"),
  S300("S300", "Gemeentecode ongeldig.", "TR378"),
  S329("S329", "ProductCode ongeldig.", "TR381");

  private final String code;
  private final String omschrijving;
  private final String regel;

  Retourcode(String code, String omschrijving, String regel) {
    this.code = code;
    this.omschrijving = omschrijving;
    this.regel = regel;
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  @Override
  public String omschrijving() {
    return omschrijving;
  }

  /** The technische regel (TRnnn) that produces this code, if the code list names one. */
  public Optional<String> regel() {
    return Optional.ofNullable(regel);
  }

  /** Whether this code rejects its berichtklasse (everything but 0200, 0233 and 8001). */
  public boolean isAfkeur() {
    return this != R0200 && this != R0233 && this != R8001;
  }

  @JsonCreator
  public static Retourcode of(String code) {
    return Code.parse(Retourcode.class, code);
  }
}
