-- The numbers an aanbieder gives its declaraties (DeclaratieNummer, TR333, retourcode 9333) and
-- prestaties (ReferentieNummer, TR314, retourcode 8021). Both must be unique per aanbieder within
-- the Wmo, across every cliënt and so across cases: a case cannot see another case's numbers, so
-- the intake claims them here, with the stored bericht that used them first. The same bericht sent
-- again finds its own claims and keeps them.
CREATE TABLE declaratie_nummer (
  aanbieder VARCHAR(8) NOT NULL,
  soort VARCHAR(10) NOT NULL,
  nummer VARCHAR(36) NOT NULL,
  bericht_id BIGINT NOT NULL,
  PRIMARY KEY (aanbieder, soort, nummer)
);
