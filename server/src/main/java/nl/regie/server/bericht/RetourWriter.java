package nl.regie.server.bericht;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import nl.regie.persistence.BerichtIdentificaties;
import nl.regie.persistence.BerichtStore;
import nl.regie.persistence.BerichtStore.Richting;
import nl.regie.persistence.BerichtStore.Status;
import nl.regie.protocol.iwmo.bericht.Heenbericht;
import nl.regie.protocol.iwmo.bericht.Retourbericht;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bouw.Retouren;
import nl.regie.protocol.iwmo.bouw.Retourgegevens;
import nl.regie.protocol.iwmo.json.IwmoJson;
import nl.regie.protocol.iwmo.xml.IwmoXml;

/**
 * The end of a received bericht: its retourbericht (306, 308, 316, 318, 325) built with every
 * klasse's retourcodes and stored, and the bericht marked processed in the same write; only then
 * is it answered. A retour from an aanbieder (302, 320) gets none and is only marked processed.
 * Blocking.
 */
final class RetourWriter {

  private final BerichtStore store;
  private final BerichtIdentificaties identificaties;
  private final Clock clock;
  private final ZoneId zone;

  RetourWriter(BerichtStore store, BerichtIdentificaties identificaties, Clock clock, ZoneId zone) {
    this.store = store;
    this.identificaties = identificaties;
    this.clock = clock;
    this.zone = zone;
  }

  /** The retour on heenbericht {@code received}, in format {@code out}, recorded with the bericht's case. */
  BerichtIntake.Retour write(Inbox.Received received, Retourcodes codes, String caseId, Format out) {
    Heenbericht heen = (Heenbericht) received.bericht();
    LocalDate vandaag = LocalDate.ofInstant(clock.instant(), zone);
    String identificatie = identificaties.next();
    Retourbericht retour = Retouren.retour(heen, codes, Retourgegevens.van(identificatie, vandaag));
    byte[] body = out == Format.XML ? IwmoXml.write(retour) : IwmoJson.write(retour).getBytes(StandardCharsets.UTF_8);
    BerichtKey key = received.key();
    BerichtStore.New stored = new BerichtStore.New(Richting.UIT, retour.soort().name(), key.gemeente(), key.afzender(),
        identificatie, vandaag, out.stored(), body, Hashes.sha256(body), clock.instant(), Status.VERZONDEN, caseId);
    long retourId = store.complete(received.berichtId(), Optional.of(stored), caseId);
    return new BerichtIntake.Retour(out, body, received.berichtId(), retourId);
  }

  /** A retour from the aanbieder, recorded as processed with the case it went to. */
  BerichtIntake.Verwerkt processed(Inbox.Received received, String caseId) {
    store.complete(received.berichtId(), Optional.empty(), caseId);
    return new BerichtIntake.Verwerkt(received.berichtId(), received.key().soort().name(),
        BerichtIntake.afgekeurdDoorAanbieder(received.bericht()));
  }
}
