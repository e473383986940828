-- The lifecycle of claims API 2.0 (ClaimStatus): claims may be returned, withdrawn and scheduled for settlement. The
-- check constraint lists every status, so it is replaced whole (whichever earlier version replaced it before).
ALTER TABLE claim DROP CONSTRAINT claim_status_ck;
ALTER TABLE claim ADD CONSTRAINT claim_status_ck CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED',
    'REJECTED', 'WITHDRAWN', 'SCHEDULED', 'PAID'));
