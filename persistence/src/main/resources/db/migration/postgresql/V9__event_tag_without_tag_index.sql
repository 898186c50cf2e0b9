-- The index on event_tag (tag, event_id) of V1 made the projections' tag query slower as the
-- journal grew: its cached generic plan merge-joined the whole tag's index from its first event
-- (14 ms a poll at 140,000 events, and on, eight projection polls a second). Without it the plan
-- walks the journal's ordering range and probes the primary key (event_id, tag): the same few
-- milliseconds at any size. The embedded H2 database (one node, small) keeps it.
DROP INDEX IF EXISTS event_tag_tag_idx;
