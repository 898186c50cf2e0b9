package nl.regie.protocol.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BsnTest {

  @ParameterizedTest
  @ValueSource(strings = {"999993653", "111222333", "123456782", "999990019"})
  void acceptsNumbersThatPassTheElfproef(String bsn) {
    assertTrue(Bsn.isValid(bsn));
    assertEquals(bsn, Bsn.of(bsn).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"999993654", "123456789", "12345678", "1234567890", "00000000a", "000000000", ""})
  void refusesEverythingElse(String bsn) {
    assertFalse(Bsn.isValid(bsn));
    assertThrows(IllegalArgumentException.class, () -> Bsn.of(bsn));
  }

  @Test
  void refusesNull() {
    assertFalse(Bsn.isValid(null));
  }
}
