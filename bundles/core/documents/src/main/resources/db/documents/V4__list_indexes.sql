-- The document list sorts by a column and then by id (a stable order for paging): indexes that end with id let the
-- database read a page in order instead of sorting every match first.
DROP INDEX doc_document_partner_due_ix;
DROP INDEX doc_document_partner_num_ix;
DROP INDEX doc_document_issue_ix;
DROP INDEX doc_document_due_ix;
CREATE INDEX doc_document_partner_issue_ix ON doc_document (partner_id, issue_date, id);
CREATE INDEX doc_document_partner_due_ix ON doc_document (partner_id, due_date, id);
CREATE INDEX doc_document_partner_num_ix ON doc_document (partner_id, number_key, id);
CREATE INDEX doc_document_issue_ix ON doc_document (issue_date, id);
CREATE INDEX doc_document_due_ix ON doc_document (due_date, id);
