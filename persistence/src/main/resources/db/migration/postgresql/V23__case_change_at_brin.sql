-- The pruner finds the case changes older than the window by their moment. Rows arrive in time
-- order, so a block-range index finds them at a thousandth of a b-tree's size; without it every
-- prune would scan the whole window. H2 (small, one node) scans.
CREATE INDEX case_change_at_brin ON case_change USING brin (at);
