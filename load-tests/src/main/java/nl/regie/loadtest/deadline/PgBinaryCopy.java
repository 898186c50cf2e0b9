package nl.regie.loadtest.deadline;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Rows into one PostgreSQL table through {@code COPY … FROM STDIN (FORMAT binary)}: the fastest
 * way in, and no text escaping of {@code bytea}. One instance is one COPY statement on its
 * connection; {@link #finish()} ends it (and, under autocommit, commits it).
 */
final class PgBinaryCopy {

  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
  /** PostgreSQL's epoch for timestamps, 2000-01-01T00:00:00Z, in seconds since 1970. */
  private static final long PG_EPOCH_SECONDS = 946_684_800L;
  private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

  private final PGCopyOutputStream copy;
  private final DataOutputStream out;

  PgBinaryCopy(Connection connection, String table, String... columns) throws SQLException {
    String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT binary)";
    this.copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
    this.out = new DataOutputStream(new BufferedOutputStream(copy, 1 << 16));
    try {
      out.write(SIGNATURE);
      out.writeInt(0); // flags
      out.writeInt(0); // header extension length
    } catch (IOException e) {
      throw new SQLException("cannot start COPY into " + table, e);
    }
  }

  /** Starts a row of {@code fields} values. */
  PgBinaryCopy row(int fields) throws IOException {
    out.writeShort(fields);
    return this;
  }

  PgBinaryCopy int8(long value) throws IOException {
    out.writeInt(8);
    out.writeLong(value);
    return this;
  }

  PgBinaryCopy int4(int value) throws IOException {
    out.writeInt(4);
    out.writeInt(value);
    return this;
  }

  PgBinaryCopy bool(boolean value) throws IOException {
    out.writeInt(1);
    out.writeByte(value ? 1 : 0);
    return this;
  }

  /** A {@code varchar}/{@code text} value (UTF-8), or NULL. */
  PgBinaryCopy text(String value) throws IOException {
    return value == null ? nul() : bytes(value.getBytes(StandardCharsets.UTF_8));
  }

  /** A {@code bytea} value, or NULL. */
  PgBinaryCopy bytes(byte[] value) throws IOException {
    if (value == null) return nul();
    out.writeInt(value.length);
    out.write(value);
    return this;
  }

  /** A {@code timestamp with time zone}: microseconds since 2000-01-01 UTC; or NULL. */
  PgBinaryCopy timestamptz(Instant value) throws IOException {
    if (value == null) return nul();
    out.writeInt(8);
    out.writeLong((value.getEpochSecond() - PG_EPOCH_SECONDS) * 1_000_000L + value.getNano() / 1_000);
    return this;
  }

  /** A {@code date}: days since 2000-01-01; or NULL. */
  PgBinaryCopy date(LocalDate value) throws IOException {
    if (value == null) return nul();
    out.writeInt(4);
    out.writeInt((int) (value.toEpochDay() - PG_EPOCH_DAY));
    return this;
  }

  PgBinaryCopy nul() throws IOException {
    out.writeInt(-1);
    return this;
  }

  /** Ends the COPY; returns the number of rows PostgreSQL took. */
  long finish() throws IOException, SQLException {
    out.writeShort(-1);
    out.flush();
    return copy.endCopy();
  }
}
