package nl.regie.protocol.iwmo.bouw;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.regie.protocol.codes.Bsn;
import nl.regie.protocol.codes.Geslacht;
import nl.regie.protocol.codes.JuridischeStatus;
import nl.regie.protocol.codes.RedenWijziging;
import nl.regie.protocol.codes.WettelijkeVertegenwoordiging;
import nl.regie.protocol.iwmo.bericht.Communicatie;
import nl.regie.protocol.iwmo.bericht.Contact;
import nl.regie.protocol.iwmo.bericht.Geboortedatum;
import nl.regie.protocol.iwmo.bericht.Header;
import nl.regie.protocol.iwmo.bericht.Omvang;
import nl.regie.protocol.iwmo.bericht.Product;
import nl.regie.protocol.iwmo.bericht.VolledigeNaam;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.regels.StatelozeRegels;

/**
 * Builds an outgoing WMO301: the toewijzingen of one cliënt for one aanbieder. Per OP087 a 301
 * lists every toewijzing of that cliënt and aanbieder valid on or after its Dagtekening plus those
 * changed since the previous 301 (an intrekking is a toewijzing with an earlier Einddatum and a
 * RedenWijziging); which those are is the server's to decide.
 *
 * <pre>{@code
 * Wmo301 b = Toewijzingsbericht.van("0983", "12345678")
 *     .identificatie("T0000042", dagtekening)
 *     .client(bsn, Geboortedatum.van(geboren), Geslacht.VROUWELIJK, VolledigeNaam.eigenNaam("Jansen", null, "A"))
 *     .contact(Contact.adres(Soortadres.BRP_ADRES, Adres.nederlands("Markt", Huis.nummer(1), "5911AA", "Venlo")))
 *     .toewijzing(4711, Product.van("02A02"), vastgesteld, ingang, eind, new Omvang(6, Eenheid.UUR, Frequentie.PER_WEEK))
 *     .bouw();
 * }</pre>
 *
 * Not thread-safe; use one builder per bericht.
 */
public final class Toewijzingsbericht {

  private final String gemeente;
  private final String aanbieder;
  private String identificatie;
  private LocalDate dagtekening;
  private Bsn bsn;
  private Geboortedatum geboortedatum;
  private Geslacht geslacht;
  private VolledigeNaam naam;
  private Communicatie communicatie;
  private JuridischeStatus juridischeStatus;
  private WettelijkeVertegenwoordiging wettelijkeVertegenwoordiging;
  private String commentaar;
  private final List<Wmo301.Relatie> relaties = new ArrayList<>();
  private final List<Contact> contacten = new ArrayList<>();
  private final List<Wmo301.ToegewezenProduct> toewijzingen = new ArrayList<>();

  private Toewijzingsbericht(String gemeente, String aanbieder) {
    this.gemeente = Objects.requireNonNull(gemeente, "gemeente");
    this.aanbieder = Objects.requireNonNull(aanbieder, "aanbieder");
  }

  /**
   * @param gemeente CBS gemeentecode of the sender (four digits)
   * @param aanbieder AGB-code of the receiver (eight digits)
   */
  public static Toewijzingsbericht van(String gemeente, String aanbieder) {
    return new Toewijzingsbericht(gemeente, aanbieder);
  }

  /** The BerichtIdentificatie: at most 12 characters, unique for the gemeente per soort (TR056). */
  public Toewijzingsbericht identificatie(String identificatie, LocalDate dagtekening) {
    this.identificatie = identificatie;
    this.dagtekening = dagtekening;
    return this;
  }

  public Toewijzingsbericht client(Bsn bsn, Geboortedatum geboortedatum, Geslacht geslacht, VolledigeNaam naam) {
    this.bsn = bsn;
    this.geboortedatum = geboortedatum;
    this.geslacht = geslacht;
    this.naam = naam;
    return this;
  }

  public Toewijzingsbericht communicatie(Communicatie communicatie) {
    this.communicatie = communicatie;
    return this;
  }

  public Toewijzingsbericht juridischeStatus(JuridischeStatus juridischeStatus) {
    this.juridischeStatus = juridischeStatus;
    return this;
  }

  public Toewijzingsbericht wettelijkeVertegenwoordiging(WettelijkeVertegenwoordiging vertegenwoordiging) {
    this.wettelijkeVertegenwoordiging = vertegenwoordiging;
    return this;
  }

  public Toewijzingsbericht commentaar(String commentaar) {
    this.commentaar = commentaar;
    return this;
  }

  public Toewijzingsbericht relatie(Wmo301.Relatie relatie) {
    relaties.add(relatie);
    return this;
  }

  /** An address or other contact of the cliënt; at least one BRP-, correspondentie- or verblijfadres. */
  public Toewijzingsbericht contact(Contact contact) {
    contacten.add(contact);
    return this;
  }

  /**
   * A toewijzing of a product with an omvang.
   *
   * @param vastgesteld when the gemeente decided it: Toewijzingsdatum and -tijd (whole seconds)
   * @param einddatum null for open-ended (not allowed with Frequentie per week, CD076)
   */
  public Toewijzingsbericht toewijzing(
      long toewijzingNummer, Product product, LocalDateTime vastgesteld, LocalDate ingangsdatum, LocalDate einddatum, Omvang omvang) {
    return toewijzing(
        new Wmo301.ToegewezenProduct(
            toewijzingNummer, null, product, vastgesteld.toLocalDate(), vastgesteld.toLocalTime().truncatedTo(ChronoUnit.SECONDS),
            ingangsdatum, einddatum, null, omvang, null, null));
  }

  /**
   * A toewijzing of a budget in eurocent. A budget has no Omvang, so its product is a categorie
   * without code ({@code new Product(categorie, null)}) or null (CD041, CD077, CD079).
   */
  public Toewijzingsbericht budget(
      long toewijzingNummer, Product product, LocalDateTime vastgesteld, LocalDate ingangsdatum, LocalDate einddatum, long budget) {
    return toewijzing(
        new Wmo301.ToegewezenProduct(
            toewijzingNummer, null, product, vastgesteld.toLocalDate(), vastgesteld.toLocalTime().truncatedTo(ChronoUnit.SECONDS),
            ingangsdatum, einddatum, null, null, budget, null));
  }

  /**
   * An earlier toewijzing again, now ending on {@code nieuweEinddatum} for {@code reden}: an
   * intrekking or verkorting (OP033x1). To delete it, end it on its Ingangsdatum with reden 13.
   */
  public Toewijzingsbericht gewijzigd(
      Wmo301.ToegewezenProduct eerder, LocalDateTime vastgesteld, LocalDate nieuweEinddatum, RedenWijziging reden) {
    return toewijzing(
        new Wmo301.ToegewezenProduct(
            eerder.toewijzingNummer(), eerder.referentieAanbieder(), eerder.product(), vastgesteld.toLocalDate(),
            vastgesteld.toLocalTime().truncatedTo(ChronoUnit.SECONDS), eerder.ingangsdatum(), nieuweEinddatum, reden,
            eerder.omvang(), eerder.budget(), eerder.commentaar()));
  }

  /** Any toewijzing, e.g. one honouring a verzoek (with its ReferentieAanbieder, TR379). */
  public Toewijzingsbericht toewijzing(Wmo301.ToegewezenProduct toewijzing) {
    toewijzingen.add(toewijzing);
    return this;
  }

  /**
   * The WMO301, checked against the stateless rules (product codes starting with their categorie)
   * and the schema.
   *
   * @throws OngeldigBerichtException when it would break a rule
   * @throws nl.regie.protocol.iwmo.xml.IwmoXmlException when it would not meet the schema
   * @throws NullPointerException when identificatie or client was not given
   */
  public Wmo301 bouw() {
    Wmo301 bericht = zonderControle();
    return Controle.gecontroleerd(bericht, Controle.standaard(bericht));
  }

  /** {@link #bouw()} with other rules, e.g. a regeling's product code list. */
  public Wmo301 bouw(StatelozeRegels regels) {
    return Controle.gecontroleerd(zonderControle(), regels);
  }

  private Wmo301 zonderControle() {
    Objects.requireNonNull(identificatie, "identificatie");
    Objects.requireNonNull(bsn, "client");
    Wmo301.Client client =
        new Wmo301.Client(
            bsn.value(), geboortedatum, geslacht, naam, communicatie, juridischeStatus, wettelijkeVertegenwoordiging,
            commentaar, relaties, contacten, toewijzingen);
    return new Wmo301(Header.van(gemeente, aanbieder, identificatie, dagtekening), client);
  }
}
