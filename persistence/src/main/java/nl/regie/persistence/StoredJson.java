package nl.regie.persistence;

/**
 * Marks what lands in the journal or the snapshot store: JSON as for every {@link
 * JsonSerializable}, and gzipped (serialization.conf). Field names repeat in every event of a
 * decision and in every case; compressed, a case's journal rows take less than half the space.
 * Commands and replies that only cross the network stay plain: they are read once and dropped.
 */
public interface StoredJson extends JsonSerializable {}
