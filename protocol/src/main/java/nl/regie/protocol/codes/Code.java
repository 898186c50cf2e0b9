package nl.regie.protocol.codes;

import java.util.Arrays;
import java.util.Optional;

/**
 * An entry of an iWmo code list: a code as it travels in berichten and JSON, and what it means.
 * Enums implementing this serialize to and from their code.
 */
public interface Code {

  String code();

  String omschrijving();

  /** The constant of {@code type} whose code is {@code code}, if there is one. */
  static <E extends Enum<E> & Code> Optional<E> find(Class<E> type, String code) {
    return Arrays.stream(type.getEnumConstants()).filter(c -> c.code().equals(code)).findFirst();
  }

  /**
   * The constant of {@code type} whose code is {@code code}.
   *
   * @throws IllegalArgumentException naming the code list when the code is not on it
   */
  static <E extends Enum<E> & Code> E parse(Class<E> type, String code) {
    return find(type, code)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'" + code + "' is not a code of " + type.getSimpleName()));
  }
}
