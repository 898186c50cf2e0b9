-- The work queue (werkvoorraad, GET /api/v1/werkvoorraad): per case in the case list, its running
-- deadline (open, missed or escalated) due first, as the case-list projection writes the row:
-- its due date, code, responsible party and status. All null when no deadline runs.
-- Rows written before this migration get them with their case's next event; to fill them at once,
-- rebuild the case list (see CaseListState.read).
ALTER TABLE case_list ADD COLUMN next_due DATE;
ALTER TABLE case_list ADD COLUMN next_code VARCHAR(32);
ALTER TABLE case_list ADD COLUMN next_responsible VARCHAR(64);
ALTER TABLE case_list ADD COLUMN next_status VARCHAR(16);
-- A gemeente's queue for one party, nearest due first. The queue reads the dated cases by
-- (next_due, case_id) and then the undated ones (next_due IS NULL) by case_id, two ranges of one
-- index, so it needs no NULLS LAST (whose default differs: last on PostgreSQL, first on H2).
CREATE INDEX case_list_werkvoorraad_idx ON case_list (gemeente, aan_zet, next_due, case_id);
-- A gemeente's whole queue (no aanZet asked), nearest due first.
CREATE INDEX case_list_werkvoorraad_gemeente_idx ON case_list (gemeente, next_due, case_id);
