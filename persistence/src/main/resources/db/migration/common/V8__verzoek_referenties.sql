-- Every ReferentieAanbieder an aanbieder used in a verzoek (WMO315 product, WMO317) Regie accepted
-- or is judging: iWmo TR347 wants it unique for the aanbieder within the Wmo, across cliënten and
-- cases. claimant names the berichtklasse that holds it (afzender/soort/identificatie/klassepad),
-- so that the same bericht sent again finds its own claim.
CREATE TABLE verzoek_referentie (
  aanbieder VARCHAR(8) NOT NULL,
  referentie VARCHAR(36) NOT NULL,
  claimant VARCHAR(200) NOT NULL,
  case_id VARCHAR(64) NOT NULL,
  PRIMARY KEY (aanbieder, referentie)
);
