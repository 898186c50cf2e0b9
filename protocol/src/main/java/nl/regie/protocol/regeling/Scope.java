package nl.regie.protocol.regeling;

/**
 * What one deadline instance is about: the whole case, one aanbieder of the case (one WMO301 goes
 * to each), or one toewijzing. A deadline is met only by an event of the same scope and key, or by
 * a case-wide one.
 */
public enum Scope {
  CASE,
  AANBIEDER,
  TOEWIJZING
}
