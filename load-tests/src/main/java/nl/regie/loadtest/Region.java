package nl.regie.loadtest;

import java.util.List;
import java.util.Random;

/**
 * The shape of a simulated region: its gemeenten, its aanbieders and the regeling they work
 * under. Noord-Limburg by default: seven gemeenten (DOMAIN.md, "Numbers for volume").
 */
record Region(String regeling, List<String> gemeenten, List<String> aanbieders) {

  static Region noordLimburg(int aanbieders, Random random) {
    List<String> agb = random.ints(aanbieders, 10_000_000, 99_999_999).mapToObj(String::valueOf).toList();
    return new Region("wmo-noord-limburg", List.of("0983", "0984", "1507", "1894", "0889", "0893", "0907"), agb);
  }

  /** A BSN that passes the elfproef. */
  static String bsn(Random random) {
    while (true) {
      int[] d = new int[9];
      int sum = 0;
      for (int i = 0; i < 8; i++) {
        d[i] = random.nextInt(10);
        sum += (9 - i) * d[i];
      }
      int last = sum % 11;
      if (last > 9 || (d[0] == 0 && d[1] == 0)) continue;
      d[8] = last;
      StringBuilder s = new StringBuilder();
      for (int digit : d) s.append(digit);
      return s.toString();
    }
  }
}
