-- The case stream keeps a window (regie.streams.case-retention): older rows of case_change are
-- pruned. The horizon is the highest offset pruned so far, raised in the transaction that deletes:
-- a reader that reads the rows after its offset and then the horizon knows whether rows it should
-- have seen may be gone (its offset below the horizon), and then tells its subscriber to reload.
-- One row, locked by the pruner, so that two nodes pruning at once take turns.
CREATE TABLE case_change_horizon (
  id INT PRIMARY KEY,
  pruned_up_to BIGINT NOT NULL
);

INSERT INTO case_change_horizon (id, pruned_up_to) VALUES (1, 0);
