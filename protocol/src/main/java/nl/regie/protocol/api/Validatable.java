package nl.regie.protocol.api;

import java.util.List;

/** A request body that can say what is wrong with it before anything is done with it. */
public interface Validatable {

  /** Every problem as {@code field: reason}; empty when the body may be acted on. */
  List<String> problems();
}
