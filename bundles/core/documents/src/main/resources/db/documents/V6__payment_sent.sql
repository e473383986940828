-- A payment finance hands to the bank in a payment order (a pain.001 file) is SENT: the order's (message) id and the
-- day it went to the bank are kept until the bank statement confirms the payment, and after.
ALTER TABLE doc_payment ADD COLUMN payment_order VARCHAR(35);
ALTER TABLE doc_payment ADD COLUMN sent_on DATE;
ALTER TABLE doc_payment DROP CONSTRAINT doc_payment_status_ck;
ALTER TABLE doc_payment ADD CONSTRAINT doc_payment_status_ck
    CHECK (status IN ('SCHEDULED', 'SENT', 'REPORTED', 'CONFIRMED'));
