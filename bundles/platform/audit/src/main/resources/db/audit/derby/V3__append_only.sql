-- Audit records are append-only in the database itself: UPDATE and DELETE on audit_record are refused.
-- Derby triggers cannot raise an error of their own (no SIGNAL), and BEFORE triggers may not modify data, so each
-- statement-level AFTER trigger inserts a row into a guard table whose CHECK constraint no row can satisfy. The
-- failing insert fails the triggering statement, which Derby rolls back as a whole: the audit rows stay unchanged.
-- The constraint's name is what the caller reads in the error ("check constraint 'AUDIT_RECORD_IS_APPEND_ONLY' was
-- violated"). audit_head is not guarded: it is the moving end of the chain and its signature protects it.

CREATE TABLE audit_append_only_guard (
    refused VARCHAR(20) NOT NULL,
    CONSTRAINT audit_record_is_append_only CHECK (refused = 'never')
);

CREATE TRIGGER audit_record_refuse_update
    AFTER UPDATE ON audit_record
    FOR EACH STATEMENT
    INSERT INTO audit_append_only_guard (refused) VALUES ('UPDATE');

CREATE TRIGGER audit_record_refuse_delete
    AFTER DELETE ON audit_record
    FOR EACH STATEMENT
    INSERT INTO audit_append_only_guard (refused) VALUES ('DELETE');
