-- How and when an approved claim is settled with its partner (a credit note or a payment), the documents of the
-- documents core that settle it (by id: another persistence unit, so no foreign key), and once settled, the
-- reference and time. One row per claim: a claim is settled once.
CREATE TABLE claim_settlement (
    claim_id             BIGINT        NOT NULL,
    partner_id           VARCHAR(20)   NOT NULL,
    claim_reference      VARCHAR(20)   NOT NULL,
    method               VARCHAR(12)   NOT NULL,
    planned_date         DATE          NOT NULL,
    -- the accrual open when the claim was scheduled: what the settlement documents are worth
    amount               DECIMAL(19,4) NOT NULL,
    currency             CHAR(3)       NOT NULL,
    document_id          BIGINT,
    document_number      VARCHAR(100),
    payment_id           BIGINT,
    scheduled_by         VARCHAR(100)  NOT NULL,
    scheduled_at         VARCHAR(24)   NOT NULL,
    accrual_reversed     BOOLEAN       NOT NULL,
    settlement_reference VARCHAR(100),
    settled_at           VARCHAR(24),
    version              BIGINT        NOT NULL,
    CONSTRAINT claim_settlement_pk PRIMARY KEY (claim_id),
    CONSTRAINT claim_settlement_claim_fk FOREIGN KEY (claim_id) REFERENCES claim (id),
    CONSTRAINT claim_settlement_method_ck CHECK (method IN ('CREDIT_NOTE', 'PAYMENT')),
    CONSTRAINT claim_settlement_amount_ck CHECK (amount > 0)
);

-- the bank confirms a payment: which claim does it settle
CREATE INDEX claim_settlement_payment_ix ON claim_settlement (payment_id);
-- due settlements by date
CREATE INDEX claim_settlement_due_ix ON claim_settlement (planned_date, claim_id);
