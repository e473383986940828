-- Bank entries read from ISO 20022 camt.053/camt.054 files: matched ones (with the payment they confirmed) and the
-- reconciliation queue (open, with ranked suggestions; dismissed with a reason). Times are ISO-8601 UTC text, like the
-- other bundles' tables. Plain SQL that Derby and PostgreSQL both read.
CREATE TABLE camt_entry (
    entry_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_key VARCHAR(255) NOT NULL,
    message_type VARCHAR(8) NOT NULL,
    message_version VARCHAR(8) NOT NULL,
    message_id VARCHAR(140),
    statement_id VARCHAR(140) NOT NULL,
    account VARCHAR(70) NOT NULL,
    entry_index INT NOT NULL,
    tx_index INT NOT NULL,
    amount DECIMAL(23, 5) NOT NULL,
    currency VARCHAR(3) NOT NULL,
    credit SMALLINT NOT NULL,
    booking_date DATE NOT NULL,
    value_date DATE,
    bank_reference VARCHAR(100) NOT NULL,
    end_to_end_id VARCHAR(140),
    creditor_reference VARCHAR(140),
    counterparty_name VARCHAR(140),
    counterparty_iban VARCHAR(40),
    remittance VARCHAR(1000),
    status VARCHAR(16) NOT NULL,
    payment_id BIGINT,
    resolved_by VARCHAR(100),
    resolved_at VARCHAR(30),
    resolution VARCHAR(1000),
    created_at VARCHAR(30) NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT camt_entry_key UNIQUE (entry_key)
);

CREATE INDEX camt_entry_status ON camt_entry (status, booking_date);

-- The ranked candidates of an entry when it was queued.
CREATE TABLE camt_suggestion (
    entry_id BIGINT NOT NULL REFERENCES camt_entry (entry_id),
    rank_no INT NOT NULL,
    kind VARCHAR(16) NOT NULL,
    target_id BIGINT NOT NULL,
    partner_id VARCHAR(64) NOT NULL,
    label VARCHAR(255) NOT NULL,
    amount DECIMAL(23, 5) NOT NULL,
    currency VARCHAR(3) NOT NULL,
    score INT NOT NULL,
    reason VARCHAR(500) NOT NULL,
    PRIMARY KEY (entry_id, rank_no)
);
