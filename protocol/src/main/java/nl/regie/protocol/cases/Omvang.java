package nl.regie.protocol.cases;

import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;

/** How much care a toewijzing covers: {@code volume} {@code eenheid} (WJ756) per {@code frequentie} (WMO757). */
public record Omvang(int volume, Eenheid eenheid, Frequentie frequentie) {}
