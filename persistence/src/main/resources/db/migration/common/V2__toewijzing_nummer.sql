-- iWmo ToewijzingNummer: an integer of at most 9 digits, unique per gemeente. One sequence for all
-- gemeenten keeps it unique per gemeente too, across every node of the cluster.
CREATE SEQUENCE toewijzing_nummer START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 999999999 NO CYCLE;
