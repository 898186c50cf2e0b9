package nl.regie.server.bericht;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.regie.protocol.aanbieder.Aanbieder;
import nl.regie.protocol.aanbieder.Aanbiedersregister;
import nl.regie.protocol.iwmo.bericht.Bericht;

/**
 * Tells an onderaannemer in words why its bericht does not count. 004 §2.2: all berichten go
 * through the hoofdaanbieder. The case already rejects an onderaannemer's start, stop, wijziging
 * or declaratie on its hoofdaanbieder's toewijzing with the iWmo code for a bericht that belongs to
 * no toewijzing of the afzender (9019 for a WMO305 or WMO307, TR019); a retourcode cannot say
 * "send it through 12345678", so the retour to an AGB the register lists only as onderaannemer
 * carries this toelichting beside it (the HTTP header {@code Regie-Toelichting}). Worked out from
 * the afzender and the register alone, so a bericht sent again gets the same.
 */
final class OnderaannemerToelichting {

  private final Aanbiedersregister register;

  OnderaannemerToelichting(Aanbiedersregister register) {
    this.register = register;
  }

  /** {@code antwoord}, with a toelichting when it is a retour to an onderaannemer. */
  BerichtIntake.Antwoord bij(Bericht bericht, BerichtIntake.Antwoord antwoord) {
    if (!(antwoord instanceof BerichtIntake.Retour retour)) return antwoord;
    List<String> toelichting = voor(BerichtKey.of(bericht).afzender());
    if (toelichting.isEmpty()) return antwoord;
    return new BerichtIntake.Retour(retour.formaat(), retour.body(), retour.berichtId(), retour.retourId(), toelichting);
  }

  /** One line per regeling in which {@code afzender} is an onderaannemer only; ASCII, fit for an HTTP header. */
  List<String> voor(String afzender) {
    List<String> lines = new ArrayList<>();
    for (String regeling : register.regelingen()) {
      if (!register.alleenOnderaannemer(regeling, afzender)) continue;
      String hoofd = register.hoofdaanbiedersVan(regeling, afzender).stream().map(Aanbieder::beschrijving)
          .collect(Collectors.joining(" or "));
      lines.add(ascii("AGB " + afzender + " is in regeling " + regeling + " an onderaannemer of " + hoofd
          + "; all berichten about its care go through the hoofdaanbieder (004 par. 2.2), which sends this bericht"
          + " on its own toewijzing"));
    }
    return lines;
  }

  /** Names from the register may carry accents; a header value stays printable ASCII. */
  private static String ascii(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^\\x20-\\x7E]", "?");
  }
}
