-- Reading every open invoice or payment (the camt import's matcher loads them once per file): pages in id order
-- within one status (DocumentService.searchAfter / paymentsAfter), each page an index range that starts after the
-- last id of the one before. Without these, each page scanned and sorted all documents (or payments) again.
CREATE INDEX doc_document_status_id_ix ON doc_document (status, kind, id);
CREATE INDEX doc_payment_status_id_ix ON doc_payment (status, id);
