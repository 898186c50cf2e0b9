package nl.regie.loadtest;

import java.util.random.RandomGenerator;

/** Made-up BSNs that pass the elfproef, for simulated cliënten. */
public final class Bsns {

  private Bsns() {}

  /** The next BSN of {@code random}: the same generator state gives the same BSN. */
  public static String next(RandomGenerator random) {
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
      StringBuilder s = new StringBuilder(9);
      for (int digit : d) s.append(digit);
      return s.toString();
    }
  }
}
