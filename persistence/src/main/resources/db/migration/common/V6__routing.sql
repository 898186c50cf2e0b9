-- Where an incoming bericht goes: a toewijzingnummer belongs to one case (written before the case
-- is asked to assign it, so a crash cannot leave a toewijzing unfindable), and a cliënt's cases by
-- BSN and gemeente (for a WMO315 that has no toewijzing yet).
CREATE TABLE toewijzing_index (
  nummer BIGINT PRIMARY KEY,
  case_id VARCHAR(64) NOT NULL
);
CREATE TABLE case_index (
  case_id VARCHAR(64) PRIMARY KEY,
  bsn VARCHAR(9) NOT NULL,
  gemeente VARCHAR(4) NOT NULL
);
CREATE INDEX case_index_bsn_idx ON case_index (bsn, gemeente);

-- Identificatie of the berichten Regie writes: "R" and at most 11 digits, within the 12 positions
-- of LDT_IdentificatieBericht.
CREATE SEQUENCE bericht_identificatie START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 99999999999 NO CYCLE;
