-- The four projections of the case events (deadlines, berichten, case-list, cak) became one,
-- case-events, that keeps all four read models. Per tag slice it starts where the slowest of the
-- four had come; each read model passes over what it has already seen, so the events between
-- change nothing. A slice one of them has not begun starts from the first event.
-- The names are quoted lower case: so Pekko Projections' H2 dialect created them (and PostgreSQL
-- folds its unquoted names to the same).
INSERT INTO "pekko_projection_offset_store"
  ("projection_name", "projection_key", "current_offset", "manifest", "mergeable", "last_updated")
SELECT 'case-events', "projection_key", CAST(MIN(CAST("current_offset" AS BIGINT)) AS VARCHAR(255)), 'SEQ', FALSE, MAX("last_updated")
FROM "pekko_projection_offset_store"
WHERE "projection_name" IN ('deadlines', 'berichten', 'case-list', 'cak')
GROUP BY "projection_key"
HAVING COUNT(*) = 4;

DELETE FROM "pekko_projection_offset_store" WHERE "projection_name" IN ('deadlines', 'berichten', 'case-list', 'cak');
