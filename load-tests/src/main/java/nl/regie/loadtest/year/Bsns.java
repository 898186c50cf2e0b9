package nl.regie.loadtest.year;

import java.util.Random;

/** Made-up BSNs that pass the elfproef. */
final class Bsns {

  private Bsns() {}

  static String next(Random random) {
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
