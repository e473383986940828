-- The original form of imported documents (e.g. one UBL invoice's XML), downloadable beside the document.
CREATE TABLE connector_original (
    connector_id VARCHAR(64) NOT NULL,
    external_id VARCHAR(255) NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    content BYTEA NOT NULL,
    PRIMARY KEY (connector_id, external_id)
);
