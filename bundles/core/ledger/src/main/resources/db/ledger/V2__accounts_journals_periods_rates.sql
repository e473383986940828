-- Configurable chart of accounts (active flag, optimistic locking), journals, accounting periods, exchange rates and
-- base-currency amounts on every line.

ALTER TABLE ledger_account ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE ledger_account ADD COLUMN version INTEGER DEFAULT 0 NOT NULL;

-- where the ledger posts the base-currency rounding difference of a foreign-currency entry
INSERT INTO ledger_account (code, name, account_type) VALUES ('7990', 'FX rounding differences', 'EXPENSE');

-- entries posted before journals existed belong to the general journal
ALTER TABLE ledger_entry ADD COLUMN journal VARCHAR(10) DEFAULT 'GENERAL' NOT NULL;
CREATE INDEX ledger_entry_date_ix ON ledger_entry (entry_date);

-- base_amount: the line's amount in the base currency; rate: base units per one unit of the line's currency. Empty on
-- lines posted before base amounts existed (the ledger fills lines in the base currency itself at start).
ALTER TABLE ledger_line ADD COLUMN base_amount DECIMAL(19,4);
ALTER TABLE ledger_line ADD COLUMN rate DECIMAL(21,10);
-- a zero document amount is allowed only on an FX rounding line, which carries a base amount
ALTER TABLE ledger_line DROP CONSTRAINT ledger_line_amount_ck;
ALTER TABLE ledger_line ADD CONSTRAINT ledger_line_amount_ck CHECK (amount > 0 OR (amount = 0 AND base_amount > 0));
ALTER TABLE ledger_line ADD CONSTRAINT ledger_line_base_ck CHECK (base_amount >= 0 AND rate > 0);
CREATE INDEX ledger_line_account_ix ON ledger_line (account_code, currency);

-- months that have been closed or reopened; a month without a row is open
CREATE TABLE ledger_period (
    period     CHAR(7)      NOT NULL,
    closed     BOOLEAN      NOT NULL,
    changed_by VARCHAR(100) NOT NULL,
    -- UTC instant, ISO-8601 with milliseconds
    changed_at VARCHAR(24)  NOT NULL,
    reason     VARCHAR(300) NOT NULL,
    version    INTEGER      NOT NULL,
    CONSTRAINT ledger_period_pk PRIMARY KEY (period)
);

-- exchange rates: from rate_date on, one unit of currency is worth rate units of the base currency
CREATE TABLE ledger_rate (
    currency  CHAR(3)       NOT NULL,
    rate_date DATE          NOT NULL,
    rate      DECIMAL(21,10) NOT NULL,
    set_by    VARCHAR(100)  NOT NULL,
    set_at    VARCHAR(24)   NOT NULL,
    version   INTEGER       NOT NULL,
    CONSTRAINT ledger_rate_pk PRIMARY KEY (currency, rate_date),
    CONSTRAINT ledger_rate_ck CHECK (rate > 0)
);
