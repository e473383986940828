-- Open and gross amounts per partner, currency, direction, kind, issue date and due date: what a statement's opening
-- balance and its aging read instead of every document (a partner may have 100,000 open items, but a few thousand
-- distinct issue and due dates). Kept in the unit of work of every document and every effective allocation.
CREATE TABLE doc_open_total (
    partner_id  VARCHAR(20)   NOT NULL,
    currency    CHAR(3)       NOT NULL,
    direction   VARCHAR(10)   NOT NULL,
    kind        VARCHAR(12)   NOT NULL,
    issue_date  DATE          NOT NULL,
    due_date    DATE          NOT NULL,
    gross       DECIMAL(19,4) NOT NULL,
    open_amount DECIMAL(19,4) NOT NULL,
    CONSTRAINT doc_open_total_pk PRIMARY KEY (partner_id, currency, direction, kind, issue_date, due_date)
);

INSERT INTO doc_open_total (partner_id, currency, direction, kind, issue_date, due_date, gross, open_amount)
    SELECT partner_id, currency, direction, kind, issue_date, due_date, SUM(gross), SUM(open_amount)
    FROM doc_document GROUP BY partner_id, currency, direction, kind, issue_date, due_date;

-- a statement's movements read from the index alone
CREATE INDEX doc_document_lines_ix ON doc_document (partner_id, currency, issue_date, id, direction, kind, gross,
    doc_number);
DROP INDEX doc_document_partner_cur_ix;
-- confirmed payments of a statement and their unapplied amounts, from the index alone
CREATE INDEX doc_payment_statement_ix ON doc_payment (partner_id, currency, booking_date, status, direction, amount,
    unapplied, id);
DROP INDEX doc_payment_partner_cur_ix;
