-- A line may name the ledger account its net amount posts to (finance only), e.g. the credit note or payable that
-- settles a claim posts against the claim type's expense account; NULL: the direction's default (sales, purchases).
ALTER TABLE doc_line ADD COLUMN account VARCHAR(10);
