-- Partner organisations: distributors, resellers and vendors.

CREATE TABLE partner_org (
    id       VARCHAR(20)  NOT NULL,
    name     VARCHAR(200) NOT NULL,
    kind     VARCHAR(20)  NOT NULL,
    currency CHAR(3)      NOT NULL,
    active   BOOLEAN      NOT NULL,
    version  BIGINT       NOT NULL,
    CONSTRAINT partner_org_pk PRIMARY KEY (id),
    CONSTRAINT partner_org_kind_ck CHECK (kind IN ('DISTRIBUTOR', 'RESELLER', 'VENDOR'))
);
