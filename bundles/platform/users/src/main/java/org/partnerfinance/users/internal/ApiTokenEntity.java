package org.partnerfinance.users.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Row of {@code security_api_token}. Times are fixed-width UTC text ({@link UtcText}). */
@Entity
@Table(name = "security_api_token")
public class ApiTokenEntity {

    @Id
    @Column(name = "token_id", length = 32)
    private String tokenId;

    @Column(name = "username", nullable = false, length = 64)
    private String username;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "token_prefix", nullable = false, length = 16)
    private String prefix;

    /** SHA-256 of the whole secret, lower-case hex. */
    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "created_at", nullable = false, length = 30)
    private String createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "expires_at", length = 30)
    private String expiresAt;

    @Column(name = "last_used_at", length = 30)
    private String lastUsedAt;

    @Column(name = "revoked_at", length = 30)
    private String revokedAt;

    @Column(name = "revoked_by", length = 64)
    private String revokedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public ApiTokenEntity() {
    }

    ApiTokenEntity(String tokenId, String username, String name, String prefix, String secretHash, String createdAt,
            String createdBy, String expiresAt) {
        this.tokenId = tokenId;
        this.username = username;
        this.name = name;
        this.prefix = prefix;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.expiresAt = expiresAt;
    }

    String tokenId() {
        return tokenId;
    }

    String username() {
        return username;
    }

    String name() {
        return name;
    }

    String prefix() {
        return prefix;
    }

    String secretHash() {
        return secretHash;
    }

    String createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }

    String expiresAt() {
        return expiresAt;
    }

    String lastUsedAt() {
        return lastUsedAt;
    }

    String revokedAt() {
        return revokedAt;
    }

    void used(String at) {
        this.lastUsedAt = at;
    }

    void revoke(String at, String by) {
        this.revokedAt = at;
        this.revokedBy = by;
    }
}
