-- Runs of export connectors: the payment orders finance handed to the bank (e.g. pain.001 files), who exported them
-- when, and the file as it was handed out (kept for download). Written in the unit of work that marks the payments
-- SENT, so a run exists exactly when its payments were marked. Times are ISO-8601 UTC text; totals per currency as
-- 'EUR 1200.00;USD 35.50'.
CREATE TABLE connector_export (
    export_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    connector_id VARCHAR(64) NOT NULL,
    message_id VARCHAR(35) NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    bytes_written BIGINT NOT NULL,
    payments INT NOT NULL,
    totals VARCHAR(1000) NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    created_at VARCHAR(30) NOT NULL,
    content BYTEA NOT NULL
);

CREATE INDEX connector_export_connector ON connector_export (connector_id, export_id);

-- The payments an export carried, in the order they were written.
CREATE TABLE connector_export_payment (
    export_id BIGINT NOT NULL REFERENCES connector_export (export_id),
    seq_no INT NOT NULL,
    payment_id BIGINT NOT NULL,
    PRIMARY KEY (export_id, seq_no)
);
