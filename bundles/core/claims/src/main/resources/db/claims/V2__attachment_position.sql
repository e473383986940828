-- Attachments keep the order in which the partner attached them (identity values need not follow persist order).
ALTER TABLE claim_attachment ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
