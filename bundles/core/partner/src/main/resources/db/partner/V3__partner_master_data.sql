-- Partner master data: legal identifiers, address, payment terms and the dunning contact. Identifiers are stored as
-- typed (vat_id, peppol_id) and normalised for lookups (vat_key: upper case without spaces, dots and dashes;
-- peppol_key: lower case). Blank identifiers are NULL, so the unique keys allow any number of partners without one.

ALTER TABLE partner_org ADD COLUMN vat_id VARCHAR(30);
ALTER TABLE partner_org ADD COLUMN vat_key VARCHAR(30);
ALTER TABLE partner_org ADD COLUMN peppol_id VARCHAR(60);
ALTER TABLE partner_org ADD COLUMN peppol_key VARCHAR(60);
ALTER TABLE partner_org ADD COLUMN street VARCHAR(300) DEFAULT '' NOT NULL;
ALTER TABLE partner_org ADD COLUMN postal_code VARCHAR(20) DEFAULT '' NOT NULL;
ALTER TABLE partner_org ADD COLUMN city VARCHAR(100) DEFAULT '' NOT NULL;
ALTER TABLE partner_org ADD COLUMN country VARCHAR(2) DEFAULT '' NOT NULL;
ALTER TABLE partner_org ADD COLUMN payment_terms_days INTEGER DEFAULT 30 NOT NULL;
ALTER TABLE partner_org ADD COLUMN dunning_name VARCHAR(100) DEFAULT '' NOT NULL;
ALTER TABLE partner_org ADD COLUMN dunning_email VARCHAR(200) DEFAULT '' NOT NULL;
ALTER TABLE partner_org ADD COLUMN dunning_phone VARCHAR(50) DEFAULT '' NOT NULL;

ALTER TABLE partner_org ADD CONSTRAINT partner_org_vat_uk UNIQUE (vat_key);
ALTER TABLE partner_org ADD CONSTRAINT partner_org_peppol_uk UNIQUE (peppol_key);
ALTER TABLE partner_org ADD CONSTRAINT partner_org_terms_ck CHECK (payment_terms_days BETWEEN 0 AND 365);
