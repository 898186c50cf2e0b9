package nl.regie.persistence;

/**
 * Marks what lands in the journal or the snapshot store: JSON as for every {@link
 * JsonSerializable}, deflated with a preset dictionary ({@link StoredJsonSerializer}, bound in
 * serialization.conf). Field names repeat in every event of a decision and in every case;
 * compressed, a journal row's payload is about a tenth of its JSON. Commands and replies that only
 * cross the network stay plain: they are read once and dropped.
 */
public interface StoredJson extends JsonSerializable {}
