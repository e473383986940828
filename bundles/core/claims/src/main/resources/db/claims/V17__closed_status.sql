-- CLOSED: an approved pre-approval (e.g. an MDF request) finished without settlement; the reason is the status note.
ALTER TABLE claim DROP CONSTRAINT claim_status_ck;
ALTER TABLE claim ADD CONSTRAINT claim_status_ck CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED',
    'REJECTED', 'WITHDRAWN', 'SCHEDULED', 'PAID', 'CLOSED'));
