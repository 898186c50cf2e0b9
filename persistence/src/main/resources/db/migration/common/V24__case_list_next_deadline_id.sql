-- Which deadline is the case's next (next_due and the rest describe it), so that an alert on a case
-- whose state the case-list projection does not hold in memory moves the row on from the row
-- alone, without folding the case anew from its journal (CaseListState.afterAlert): in a burst of
-- deadlines, thousands of passivated cases. Rows written before this have none; such a case is
-- folded as before, and its row gets the id with that.
ALTER TABLE case_list ADD COLUMN next_deadline_id VARCHAR(128);
