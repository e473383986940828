-- The supporting file of a dispute (at most 5 MB). PostgreSQL version of derby/V2__dispute_file.sql: BYTEA here,
-- BLOB there (Derby has no BYTEA, PostgreSQL no BLOB type). Keep both in step.
CREATE TABLE doc_dispute_file (
    dispute_id BIGINT NOT NULL,
    content    BYTEA  NOT NULL,
    CONSTRAINT doc_dispute_file_pk PRIMARY KEY (dispute_id),
    CONSTRAINT doc_dispute_file_dispute_fk FOREIGN KEY (dispute_id) REFERENCES doc_dispute (id)
);
