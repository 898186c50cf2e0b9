package nl.regie.protocol.cases;

import java.time.LocalDate;
import nl.regie.protocol.codes.Geslacht;

/** What the gemeente knows of the cliënt beyond the BSN; a WMO301 needs it. */
public record Client(Naam naam, LocalDate geboortedatum, Geslacht geslacht, Adres adres) {}
