-- The append-only, hash-chained audit trail. Rows are only ever inserted; audit_head holds the last sequence number
-- and hash, and appenders update it first to serialise on its row lock.

CREATE TABLE audit_record (
    seq          BIGINT         NOT NULL,
    -- UTC instant with milliseconds, exactly the text that is hashed (e.g. 2025-01-31T09:15:00.000Z)
    recorded_at  VARCHAR(24)    NOT NULL,
    actor        VARCHAR(100)   NOT NULL,
    action       VARCHAR(100)   NOT NULL,
    entity_type  VARCHAR(50)    NOT NULL,
    entity_id    VARCHAR(100)   NOT NULL,
    before_state VARCHAR(16000) NOT NULL,
    after_state  VARCHAR(16000) NOT NULL,
    prev_hash    CHAR(64)       NOT NULL,
    hash         CHAR(64)       NOT NULL,
    CONSTRAINT audit_record_pk PRIMARY KEY (seq)
);

CREATE INDEX audit_record_entity_ix ON audit_record (entity_type, entity_id, seq);

CREATE TABLE audit_head (
    id        INTEGER  NOT NULL,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL,
    CONSTRAINT audit_head_pk PRIMARY KEY (id),
    CONSTRAINT audit_head_single_ck CHECK (id = 1)
);

INSERT INTO audit_head (id, last_seq, last_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
