package org.partnerfinance.users.internal;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Row of {@code security_user}. {@code createdAt} is in UTC. */
@Entity
@Table(name = "security_user")
public class UserEntity {

    @Id
    @Column(name = "username", length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    /** Comma-separated role ids, e.g. {@code partner-user,partner-admin}. */
    @Column(name = "roles", nullable = false, length = 400)
    private String roles;

    @Column(name = "partner_id", length = 64)
    private String partnerId;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public UserEntity() {
    }

    UserEntity(String username, String displayName, String passwordHash, String roles, String partnerId,
            boolean enabled, LocalDateTime createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = roles;
        this.partnerId = partnerId;
        this.enabled = enabled;
        this.createdAt = createdAt;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    void passwordHash(String hash) {
        this.passwordHash = hash;
    }

    String roles() {
        return roles;
    }

    String partnerId() {
        return partnerId;
    }

    boolean enabled() {
        return enabled;
    }

    void enabled(boolean value) {
        this.enabled = value;
    }

    LocalDateTime createdAt() {
        return createdAt;
    }

    long version() {
        return version;
    }
}
