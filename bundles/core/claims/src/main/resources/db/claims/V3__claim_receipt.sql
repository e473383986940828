-- One row per receipt file (by content hash) that a live claim of a partner carries: the primary key makes the
-- duplicate-receipt rule hold under concurrent submissions, which a check in Java alone cannot. A rejected claim
-- gives its receipts free again (its rows are deleted when it is rejected).

CREATE TABLE claim_receipt (
    partner_id VARCHAR(20) NOT NULL,
    sha256     CHAR(64)    NOT NULL,
    claim_id   BIGINT      NOT NULL,
    CONSTRAINT claim_receipt_pk PRIMARY KEY (partner_id, sha256),
    CONSTRAINT claim_receipt_claim_fk FOREIGN KEY (claim_id) REFERENCES claim (id)
);

CREATE INDEX claim_receipt_claim_ix ON claim_receipt (claim_id);

-- Claims stored before this version: the earliest live claim keeps each receipt.
INSERT INTO claim_receipt (partner_id, sha256, claim_id)
    SELECT c.partner_id, a.sha256, MIN(c.id)
    FROM claim c JOIN claim_attachment a ON a.claim_id = c.id
    WHERE c.status <> 'REJECTED'
    GROUP BY c.partner_id, a.sha256;
