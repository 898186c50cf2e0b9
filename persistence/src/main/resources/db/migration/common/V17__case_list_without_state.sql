-- The case list no longer stores each case's folded state (2-3 kB of JSON a case, rewritten on
-- every decision): its projection keeps the folds of recent cases in memory and folds any other
-- case anew from its journal, up to the row's version (CaseListFolds).
ALTER TABLE case_list DROP COLUMN state;
