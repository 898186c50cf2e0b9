package nl.regie.server.bericht;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import nl.regie.persistence.BerichtStore;
import nl.regie.persistence.BerichtStore.Richting;
import nl.regie.persistence.BerichtStore.Status;
import nl.regie.persistence.BerichtStore.Stored;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Bericht;
import nl.regie.protocol.iwmo.bericht.Heenbericht;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.regels.StatelozeRegels;

/**
 * The idempotent inbox: every bericht an aanbieder posts is read (XML or JSON, held to its schema),
 * stored verbatim before anything happens, and recognised when it comes again. The same afzender,
 * berichtsoort and Identificatie with the same content gets its stored answer again; with other
 * content, 9056 (TR056). Blocking: call it off the actors' threads.
 */
final class Inbox {

  /** What the inbox made of a posted bericht. */
  sealed interface Taken {}

  /** Refused before any case hears of it; the answer says why. */
  record Refused(BerichtIntake.Afgekeurd answer) implements Taken {}

  /** Received and answered before: the same answer again. */
  record Repeated(BerichtIntake.Antwoord answer, Bericht bericht) implements Taken {}

  /**
   * Stored and new (or stored by an attempt that did not finish): for its cases, with the codes it
   * has already (the rules within the bericht, or 9056 on its header).
   */
  record Received(Bericht bericht, BerichtKey key, long berichtId, Retourcodes vooraf) implements Taken {}

  private final BerichtStore store;
  private final StatelozeRegels regels;
  private final Clock clock;

  Inbox(BerichtStore store, StatelozeRegels regels, Clock clock) {
    this.store = store;
    this.regels = regels;
    this.clock = clock;
  }

  /**
   * Takes {@code body}, posted by whoever may send as the afzenders {@code mayPostAs} admits: a
   * bericht in another's name is refused unstored, as if it never came.
   */
  Taken take(byte[] body, Format in, Predicate<String> mayPostAs) {
    ReadBericht ingelezen = ReadBericht.read(body, in, regels);
    String sha256 = Hashes.sha256(body);
    if (ingelezen.unreadable()) {
      long id = store.insert(entry(null, body, in, sha256, Status.AFGEKEURD));
      return new Refused(new BerichtIntake.Afgekeurd(400, "iwmo-technisch-afgekeurd", "Retourcode 0001: technisch afgekeurd",
          "the bericht is not iWmo 3.2 " + in.name() + " that meets its schema", ingelezen.problemen(), id));
    }
    Bericht bericht = ingelezen.bericht();
    BerichtKey key = BerichtKey.of(bericht);
    if (!mayPostAs.test(key.afzender())) {
      return new Refused(new BerichtIntake.Afgekeurd(403, "forbidden", "Forbidden",
          "the Afzender " + key.afzender() + " is not who posts it; an aanbieder posts berichten in its own name (its AGB)", List.of(), null));
    }
    if (!key.fromAanbieder()) {
      // Refused unread, it claims no Identificatie, so the same bericht is refused the same way again.
      long id = store.insert(entry(key.withoutIdentificatie(), body, in, sha256, Status.AFGEKEURD));
      return new Refused(new BerichtIntake.Afgekeurd(422, "iwmo-berichtsoort", "Berichtsoort not accepted", key.soort()
          + " is not a bericht an aanbieder sends; Regie receives 302, 305, 307, 315, 317, 320 and 323", List.of(), id));
    }
    Optional<Stored> earlier = store.find(Richting.IN, key.afzender(), key.soort().name(), key.identificatie());
    if (earlier.isPresent() && !earlier.get().sha256().equals(sha256)) {
      long id = store.insert(entry(key.withoutIdentificatie(), body, in, sha256, Status.AFGEKEURD));
      if (bericht instanceof Heenbericht) {
        return new Received(bericht, key, id, Retourcodes.van(Klassepad.HEADER, Retourcode.R9056));
      }
      return new Refused(new BerichtIntake.Afgekeurd(409, "iwmo-identificatie-niet-uniek", "Retourcode 9056: Identificatie moet uniek zijn",
          key.soort() + " " + key.identificatie() + " came before with other content", List.of(), id));
    }
    if (earlier.isPresent() && earlier.get().status() == Status.VERWERKT) {
      return new Repeated(storedAnswer(earlier.get(), bericht), bericht);
    }
    long berichtId = earlier.map(Stored::id).orElseGet(() -> insertOrFind(key, body, in, sha256));
    // Only a heenbericht has rules within it; a retour is checked against the heenbericht it answers.
    Retourcodes vooraf = ingelezen.beoordeling() == null ? Retourcodes.GEEN : ingelezen.beoordeling().retourcodes();
    return new Received(bericht, key, berichtId, vooraf);
  }

  private long insertOrFind(BerichtKey key, byte[] body, Format in, String sha256) {
    try {
      return store.insert(entry(key, body, in, sha256, Status.ONTVANGEN));
    } catch (RuntimeException raced) {
      // The same bericht posted twice at once: the other request stored it first.
      return store.find(Richting.IN, key.afzender(), key.soort().name(), key.identificatie())
          .filter(s -> s.sha256().equals(sha256)).map(Stored::id).orElseThrow(() -> raced);
    }
  }

  private BerichtIntake.Antwoord storedAnswer(Stored earlier, Bericht bericht) {
    if (earlier.retourId() == null) {
      return new BerichtIntake.Verwerkt(earlier.id(), earlier.berichtsoort(), BerichtIntake.afgekeurdDoorAanbieder(bericht));
    }
    Stored retour = store.find(earlier.retourId()).orElseThrow();
    return new BerichtIntake.Retour(Format.fromStored(retour.formaat()), retour.inhoud(), earlier.id(), retour.id());
  }

  private BerichtStore.New entry(BerichtKey key, byte[] body, Format formaat, String sha256, Status status) {
    return new BerichtStore.New(Richting.IN, key == null ? null : key.soort().name(),
        key == null ? null : key.afzender(), key == null ? null : key.ontvanger(),
        key == null ? null : key.identificatie(), key == null ? null : key.dagtekening(), formaat.stored(), body,
        sha256, clock.instant(), status, null);
  }
}
