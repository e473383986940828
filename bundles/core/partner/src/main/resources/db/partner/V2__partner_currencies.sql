-- The currencies each partner may claim in. Every partner allows at least its default currency, which is where the
-- existing partners start.

CREATE TABLE partner_currency (
    partner_id VARCHAR(20) NOT NULL,
    currency   CHAR(3)     NOT NULL,
    CONSTRAINT partner_currency_pk PRIMARY KEY (partner_id, currency),
    CONSTRAINT partner_currency_partner_fk FOREIGN KEY (partner_id) REFERENCES partner_org (id)
);

INSERT INTO partner_currency (partner_id, currency) SELECT id, currency FROM partner_org;
