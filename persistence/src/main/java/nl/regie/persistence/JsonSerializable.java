package nl.regie.persistence;

/**
 * Marks what Pekko serializes as JSON with Jackson: events, snapshots, commands and replies that
 * may cross the network or land in the journal. Bound in {@code serialization.conf}; Java
 * serialization stays off.
 */
public interface JsonSerializable {}
