package nl.regie.server.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.regie.protocol.regeling.Gebeurtenis;
import nl.regie.protocol.regeling.Scope;
import nl.regie.protocol.cases.AlertLevel;
import nl.regie.protocol.cases.DeadlineStatus;
import nl.regie.protocol.codes.DebetCredit;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;
import nl.regie.protocol.codes.Geslacht;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.codes.RedenWijziging;
import nl.regie.protocol.codes.RedenVerzoek;
import nl.regie.protocol.codes.VerzoekAntwoord;
import nl.regie.protocol.cases.Adres;
import nl.regie.protocol.cases.Client;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Naam;
import nl.regie.protocol.cases.Omvang;
import nl.regie.protocol.cases.Stap;
import nl.regie.protocol.cases.VerzoekProductSoort;

/**
 * One instance of every case event, in the order of a case's life, named as its sample file in
 * {@code src/test/resources/events/v1}. Adding an event type means adding it here and committing
 * its sample (run {@code CaseEventSampleWriter}); an existing sample is never rewritten.
 */
final class CaseEventSamples {

  static final Instant AT = Instant.parse("2026-11-24T09:00:00Z");

  private CaseEventSamples() {}

  static Map<String, CaseEvent> all() {
    Map<String, CaseEvent> samples = new LinkedHashMap<>();
    Client client = new Client(
        new Naam("Jansen", "van", "PJ", "Pieter Jan"), LocalDate.parse("1960-03-01"), Geslacht.MANNELIJK,
        new Adres("Markt", 1, "a", "2", "5911AB", "Venlo"));
    samples.put("MeldingOntvangen", new CaseEvent.MeldingOntvangen(
        "2b1c7a52-8f7e-4e0e-9d3a-5b1f6c2d9e01", "999993653", "0983", "wmo-noord-limburg", Kanaal.AANBIEDER,
        LocalDate.parse("2026-11-24"), client, AT));
    samples.put("ScreeningGestart", new CaseEvent.ScreeningGestart(AT.plusSeconds(60)));
    samples.put("ScreeningAfgerond", new CaseEvent.ScreeningAfgerond(true, "0984", AT.plusSeconds(120)));
    samples.put("Overgedragen", new CaseEvent.Overgedragen("0983", "0984", AT.plusSeconds(120)));
    samples.put("OnderzoekAfgerond", new CaseEvent.OnderzoekAfgerond(LocalDate.parse("2026-12-01"), AT.plusSeconds(180)));
    samples.put("AanvraagOntvangen", new CaseEvent.AanvraagOntvangen(LocalDate.parse("2026-12-05"), AT.plusSeconds(240)));
    samples.put("Toegewezen", new CaseEvent.Toegewezen(LocalDate.parse("2026-12-10"), List.of(
        Toewijzing.toegewezen(1001, "02A02", "12345678", LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"),
            new Omvang(1, Eenheid.STUKS_OUTPUT, Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR)),
        Toewijzing.toegewezen(1002, "01B04", "87654321", LocalDate.parse("2027-01-01"), null,
            new Omvang(3, Eenheid.UUR, Frequentie.PER_WEEK))), AT.plusSeconds(300)));
    samples.put("ZorgGestart", new CaseEvent.ZorgGestart(1001, LocalDate.parse("2027-01-03"), 17L, AT.plusSeconds(360)));
    samples.put("ZorgGestopt", new CaseEvent.ZorgGestopt(1001, LocalDate.parse("2027-03-01"), RedenBeeindiging.TIJDELIJK, 19L, AT.plusSeconds(420)));
    samples.put("StartVerwijderd", new CaseEvent.StartVerwijderd(1001, LocalDate.parse("2027-01-03"), 21L, AT.plusSeconds(430)));
    samples.put("StopVerwijderd", new CaseEvent.StopVerwijderd(1001, LocalDate.parse("2027-01-03"), 23L, AT.plusSeconds(440)));
    samples.put("BerichtklasseBeoordeeld", new CaseEvent.BerichtklasseBeoordeeld("12345678/WMO305/R77/Client/StartProduct[1]", 17L, "WMO305", List.of("0200"), AT.plusSeconds(360)));
    samples.put("BerichtVerstuurd", new CaseEvent.BerichtVerstuurd("WMO301", "R42", "0984", "12345678", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Bericht/>", AT.plusSeconds(300)));
    samples.put("BerichtNietVerstuurd", new CaseEvent.BerichtNietVerstuurd("WMO301", "87654321", "de naam van de cliënt ontbreekt", AT.plusSeconds(300)));
    samples.put("ToewijzingBevestigd", new CaseEvent.ToewijzingBevestigd("12345678", 15L, AT.plusSeconds(400)));
    samples.put("VerzoekOntvangen", new CaseEvent.VerzoekOntvangen(List.of(Verzoek.ontvangen("12345678", "VOW-2027-1", "WMO317", 31L,
        LocalDate.parse("2027-02-01"), RedenVerzoek.WIJZIGING_ZORGPLAN, List.of(
            new Verzoek.Gevraagd(VerzoekProductSoort.TE_WIJZIGEN, 1001L, null, LocalDate.parse("2027-03-01"), LocalDate.parse("2028-06-30"),
                new Omvang(2, Eenheid.STUKS_OUTPUT, Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR), null),
            new Verzoek.Gevraagd(VerzoekProductSoort.NIEUW, null, "07A02", LocalDate.parse("2027-03-01"), LocalDate.parse("2027-12-31"),
                new Omvang(4, Eenheid.UUR, Frequentie.PER_WEEK), null)))), AT.plusSeconds(600)));
    samples.put("VerzoekBeantwoord", new CaseEvent.VerzoekBeantwoord("12345678", "VOW-2027-1", VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK,
        null, "R43", AT.plusSeconds(660)));
    samples.put("AntwoordBevestigd", new CaseEvent.AntwoordBevestigd("12345678", "R43", 33L, AT.plusSeconds(700)));
    samples.put("VerzoekGehonoreerd", new CaseEvent.VerzoekGehonoreerd("12345678", "VOW-2027-1", List.of(1003L), AT.plusSeconds(720)));
    samples.put("DeclaratieOntvangen", new CaseEvent.DeclaratieOntvangen(31L, "12345678", "DN2027-02", LocalDate.parse("2027-03-04"), AT.plusSeconds(450)));
    samples.put("PrestatieToegekend", new CaseEvent.PrestatieToegekend(31L, new Prestatie("RN-0001", null, 1001, "02", "02A02",
        LocalDate.parse("2027-02-01"), LocalDate.parse("2027-02-28"), 1, Eenheid.STUKS_OUTPUT, 125000, DebetCredit.DEBET), AT.plusSeconds(450)));
    samples.put("DeclaratieBeantwoord", new CaseEvent.DeclaratieBeantwoord(31L, 32L, AT.plusSeconds(451)));
    Deadline d8 = new Deadline("D8:12345678", "D8", "Aanbieder bevestigt de toewijzing met een WMO302", "aanbieder:12345678",
        Scope.AANBIEDER, "12345678", Set.of(Gebeurtenis.WMO302_ONTVANGEN), LocalDate.parse("2026-11-27"),
        Instant.parse("2026-11-25T23:00:00Z"), Instant.parse("2026-11-27T23:00:00Z"), Instant.parse("2026-12-01T23:00:00Z"),
        DeadlineStatus.OPEN, false);
    samples.put("DeadlineSet", new CaseEvent.DeadlineSet(d8, AT.plusSeconds(300)));
    samples.put("DeadlineAlerted", new CaseEvent.DeadlineAlerted("D8:12345678", AlertLevel.MISSED, "D8",
        "Aanbieder bevestigt de toewijzing met een WMO302", "aanbieder:12345678", LocalDate.parse("2026-11-27"), "0984",
        Instant.parse("2026-11-27T23:00:00Z"), Instant.parse("2026-11-27T23:00:01Z")));
    samples.put("DeadlineMet", new CaseEvent.DeadlineMet("D8:12345678", true, AT.plusSeconds(400)));
    samples.put("DeadlineVervallen", new CaseEvent.DeadlineVervallen("D3", "de melding is ingetrokken", AT.plusSeconds(480)));
    samples.put("Ingetrokken", new CaseEvent.Ingetrokken("inwoner ziet ervan af", AT.plusSeconds(480)));
    samples.put("Afgewezen", new CaseEvent.Afgewezen("geen maatwerk nodig", AT.plusSeconds(540)));
    samples.put("ToewijzingGewijzigd", new CaseEvent.ToewijzingGewijzigd(1002, LocalDate.parse("2027-06-30"), RedenWijziging.VERKORTING,
        Instant.parse("2027-06-30T22:00:00Z"), AT.plusSeconds(700)));
    samples.put("ToewijzingAfgelopen", new CaseEvent.ToewijzingAfgelopen(1002, LocalDate.parse("2027-06-30"), true, AT.plusSeconds(710)));
    samples.put("Overleden", new CaseEvent.Overleden(LocalDate.parse("2027-07-02"), AT.plusSeconds(720)));
    samples.put("StapGezet", new CaseEvent.StapGezet(Stap.PLAN_VAN_AANPAK_ONTVANGEN, LocalDate.parse("2027-03-15"), "12345678", 1001L,
        "plan per mail ontvangen", AT.plusSeconds(730)));
    samples.put("Grouped", new CaseEvent.Grouped(24, List.of(
        new CaseEvent.ScreeningGestart(AT.plusSeconds(750)),
        new CaseEvent.DeadlineMet("D1", false, AT.plusSeconds(750))), AT.plusSeconds(750)));
    samples.put("VerhuizingGemeld", new CaseEvent.VerhuizingGemeld("0984", "0014", LocalDate.parse("2027-08-01"), AT.plusSeconds(740)));
    return samples;
  }
}
