-- The account a partner is paid to: IBAN (ISO 13616) and BIC (ISO 9362) normalised (upper case, no spaces), and the
-- account holder's name when it differs from the partner's. NULL when unknown.
ALTER TABLE partner_org ADD COLUMN iban VARCHAR(34);
ALTER TABLE partner_org ADD COLUMN bic VARCHAR(11);
ALTER TABLE partner_org ADD COLUMN account_holder VARCHAR(70);
