package nl.regie.loadtest;

import java.util.List;
import java.util.Random;

/**
 * The shape of a simulated region: its gemeenten, its aanbieders and the regeling they work
 * under. Noord-Limburg by default: seven gemeenten (DOMAIN.md, "Numbers for volume").
 */
public record Region(String regeling, List<String> gemeenten, List<String> aanbieders) {

  public static Region noordLimburg(int aanbieders, Random random) {
    List<String> agb = random.ints(aanbieders, 10_000_000, 99_999_999).mapToObj(String::valueOf).toList();
    return new Region("wmo-noord-limburg", List.of("0983", "0984", "1507", "1894", "0889", "0893", "0907"), agb);
  }
}
