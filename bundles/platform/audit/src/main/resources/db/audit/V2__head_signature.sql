-- The chain head is signed (HMAC-SHA256 over its sequence number and hash) with a key kept outside the database, so
-- that rewriting records and head together is detected. Heads written before this version have no signature yet: the
-- service signs such a head once, after verifying the chain intact (see docs/audit-trail.md).
ALTER TABLE audit_head ADD COLUMN signature VARCHAR(64);

-- Recent records of one action (e.g. failed sign-ins on the administrators' dashboard).
CREATE INDEX audit_record_action_ix ON audit_record (action, seq);
