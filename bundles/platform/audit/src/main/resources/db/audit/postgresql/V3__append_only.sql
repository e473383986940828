-- Audit records are append-only in the database itself: UPDATE, DELETE and TRUNCATE on audit_record are refused
-- before they touch a row. audit_head is not guarded: it is the moving end of the chain and its signature protects it.

CREATE FUNCTION audit_record_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'audit_record is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_record_refuse_update_delete
    BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH STATEMENT
    EXECUTE FUNCTION audit_record_refuse_change();

CREATE TRIGGER audit_record_refuse_truncate
    BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT
    EXECUTE FUNCTION audit_record_refuse_change();
