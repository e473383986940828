-- Runs of import connectors: who imported which file when, and what came of it. Times are ISO-8601 UTC text.
-- A run row is written when the run starts (status RUNNING) and completed when it ends; a run found RUNNING when the
-- portal starts was interrupted by a stop or crash and is marked FAILED then.
CREATE TABLE connector_run (
    run_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    connector_id VARCHAR(64) NOT NULL,
    status VARCHAR(16) NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    sha256 VARCHAR(64),
    bytes_read BIGINT NOT NULL,
    started_by VARCHAR(100) NOT NULL,
    started_at VARCHAR(30) NOT NULL,
    finished_at VARCHAR(30),
    documents BIGINT NOT NULL,
    created BIGINT NOT NULL,
    duplicates BIGINT NOT NULL,
    rejected BIGINT NOT NULL,
    failure VARCHAR(1000)
);

CREATE INDEX connector_run_connector ON connector_run (connector_id, run_id);

-- The refused documents of a run, in file order (the first ones only when a file refuses very many; the run's
-- 'rejected' column holds the full count).
CREATE TABLE connector_rejection (
    run_id BIGINT NOT NULL REFERENCES connector_run (run_id),
    seq_no INT NOT NULL,
    document VARCHAR(255) NOT NULL,
    reason VARCHAR(1000) NOT NULL,
    PRIMARY KEY (run_id, seq_no)
);

-- What each connector has created, by the document's identity in its source: the key of idempotent imports. The same
-- external id with the same content hash is a duplicate; with another hash a conflicting re-import, refused.
CREATE TABLE connector_item (
    connector_id VARCHAR(64) NOT NULL,
    external_id VARCHAR(255) NOT NULL,
    content_hash VARCHAR(64) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    target_id BIGINT NOT NULL,
    run_id BIGINT NOT NULL,
    created_at VARCHAR(30) NOT NULL,
    PRIMARY KEY (connector_id, external_id)
);

CREATE INDEX connector_item_target ON connector_item (kind, target_id);
