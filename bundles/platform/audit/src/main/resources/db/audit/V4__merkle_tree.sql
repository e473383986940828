-- The audit records also form an RFC 6962 Merkle tree (leaf = the record, in sequence order), so that a partner can
-- check one record with an inclusion proof against a tree head signed with an Ed25519 key (see docs/audit-trail.md).
--
-- audit_head keeps the tree's right edge (one subtree hash per set bit of the record count) and its HMAC: every append
-- extends it without reading records, and the signed tree heads are computed from it. Databases from before this
-- version have neither; the service builds them once, after the hash chain verified intact.
ALTER TABLE audit_head ADD COLUMN tree_frontier VARCHAR(4096);
ALTER TABLE audit_head ADD COLUMN tree_signature VARCHAR(64);

-- Hashes of complete subtrees of 256 and more records (level = log2 of the records covered, node_index = position
-- among the subtrees of that level), written as they complete: a proof reads about 20 of them and at most two runs of
-- 256 records instead of the whole trail. Derived data: a verification recomputes and compares them.
CREATE TABLE audit_tree_node (
    tree_level INTEGER  NOT NULL,
    node_index BIGINT   NOT NULL,
    hash       CHAR(64) NOT NULL,
    CONSTRAINT audit_tree_node_pk PRIMARY KEY (tree_level, node_index)
);

-- Signed tree heads handed out in proofs (and published): the root over the first tree_size records, signed with
-- Ed25519 over the text described in docs/audit-trail.md. Kept so that every head a partner holds can be checked again.
CREATE TABLE audit_tree_head (
    tree_size  BIGINT       NOT NULL,
    root_hash  CHAR(64)     NOT NULL,
    signed_at  VARCHAR(24)  NOT NULL,
    signature  VARCHAR(100) NOT NULL,
    CONSTRAINT audit_tree_head_pk PRIMARY KEY (tree_size)
);
