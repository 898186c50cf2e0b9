-- The case list: one row per case, kept by the case-list projection, so that GET /api/v1/cases
-- can list and filter cases without waking a single entity. Only what the list shows, plus the
-- state the projection folds the next event into: the state is the case's own CaseState as JSON
-- (its snapshot form), with the BSN masked like bsn_masked: the full BSN is never stored here.
-- gemeente and fase are nullable only because a row is the state of whatever events came, and
-- a projection that cannot write a row stops for its whole tag slice.
CREATE TABLE case_list (
  case_id VARCHAR(64) PRIMARY KEY,
  gemeente VARCHAR(16),
  fase VARCHAR(16),
  aan_zet VARCHAR(16),
  bsn_masked VARCHAR(16),
  melding_op DATE,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  open_deadlines INT NOT NULL,
  missed_deadlines INT NOT NULL,
  version BIGINT NOT NULL,
  state TEXT NOT NULL
);
-- A gemeente's cases, paged by case_id.
CREATE INDEX case_list_gemeente_idx ON case_list (gemeente, case_id);

-- The aanbieders (AGB codes) with a toewijzing or a verzoek on the case: they may see it.
CREATE TABLE case_list_aanbieder (
  case_id VARCHAR(64) NOT NULL REFERENCES case_list (case_id),
  agb VARCHAR(32) NOT NULL,
  PRIMARY KEY (case_id, agb)
);
-- An aanbieder's cases, paged by case_id.
CREATE INDEX case_list_aanbieder_agb_idx ON case_list_aanbieder (agb, case_id);
