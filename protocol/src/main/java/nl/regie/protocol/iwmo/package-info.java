/**
 * The iWmo 3.2 message layer: berichten as records, their XML and JSON forms, the rules that can be
 * checked within one bericht, and the retourberichten that answer them. No actor runtime here.
 *
 * <ul>
 *   <li>{@link nl.regie.protocol.iwmo.bericht}: the fourteen berichten ({@code Wmo301} ...
 *       {@code Wmo325}), their parts, {@code Berichtsoort}, and {@code Retourcodes} keyed by
 *       {@code Klassepad};
 *   <li>{@link nl.regie.protocol.iwmo.xml}: {@code IwmoXml.parse/write} (safe, schema-checked) and
 *       {@code IwmoSchemas.validate};
 *   <li>{@link nl.regie.protocol.iwmo.json}: {@code IwmoJson.parse/write};
 *   <li>{@link nl.regie.protocol.iwmo.regels}: {@code StatelozeRegels.ontvang/beoordeel} giving a
 *       {@code Beoordeling} with retourcodes per berichtklasse, and {@code Retourcontrole} for
 *       received retours;
 *   <li>{@link nl.regie.protocol.iwmo.bouw}: {@code Retouren} (302 ... 325 from a heenbericht and
 *       retourcodes), {@code Toewijzingsbericht} (outgoing 301) and {@code Antwoordbericht} (319).
 * </ul>
 *
 * A received heenbericht goes: {@code ontvang(bytes)} → the server adds its stateful findings to
 * {@code beoordeling().retourcodes()} → {@code Retouren.retour(bericht, codes, gegevens)} → {@code
 * IwmoXml.write(retour)}.
 */
package nl.regie.protocol.iwmo;
