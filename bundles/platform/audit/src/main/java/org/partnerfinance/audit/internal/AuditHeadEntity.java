package org.partnerfinance.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row holding the end of the chain and its signature; appenders lock it to append one after another.
 */
@Entity
@Table(name = "audit_head")
public class AuditHeadEntity {

    static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    /** HMAC-SHA256 of the head (see {@link AuditKey#sign}); null in a database from before head signing. */
    @Column(name = "signature", length = 64)
    private String signature;

    /**
     * The Merkle tree's right edge after record {@code lastSeq} ({@link MerkleTree.Frontier#encode}); null while the
     * tree of a database from before the Merkle tree has not been built.
     */
    @Column(name = "tree_frontier", length = 4096)
    private String treeFrontier;

    /** HMAC-SHA256 of the tree's edge (see {@link AuditKey#signTree}). */
    @Column(name = "tree_signature", length = 64)
    private String treeSignature;

    public AuditHeadEntity() {
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public String getLastHash() {
        return lastHash;
    }

    public String getSignature() {
        return signature;
    }

    public String getTreeFrontier() {
        return treeFrontier;
    }

    public String getTreeSignature() {
        return treeSignature;
    }

    void advanceTree(String frontier, String signature) {
        this.treeFrontier = frontier;
        this.treeSignature = signature;
    }

    void sign(String signature) {
        this.signature = signature;
    }
}
