-- The receivable invoices and credit notes an export of documents carried (e.g. Peppol UBL files for partners), in
-- the order they were written. Such a run has no rows in connector_export_payment.
CREATE TABLE connector_export_document (
    export_id BIGINT NOT NULL REFERENCES connector_export (export_id),
    seq_no INT NOT NULL,
    document_id BIGINT NOT NULL,
    PRIMARY KEY (export_id, seq_no)
);

CREATE INDEX connector_export_document_doc ON connector_export_document (document_id);
