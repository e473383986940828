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

    /** Set while the stored password is a one-time password: the user must choose a new one at sign-in. */
    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    /** When a one-time password stops working (UTC text, see {@link UtcText}); {@code null} if it does not expire. */
    @Column(name = "password_expires_at", length = 30)
    private String passwordExpiresAt;

    /** Where notifications are e-mailed; {@code null} when the user has no address. */
    @Column(name = "email", length = 254)
    private String email;

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

    void displayName(String value) {
        this.displayName = value;
    }

    void roles(String value) {
        this.roles = value;
    }

    boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    String passwordExpiresAt() {
        return passwordExpiresAt;
    }

    /** Stores a new hash; {@code oneTime} marks it as a one-time password valid until {@code expiresAt} (or forever). */
    void password(String hash, boolean oneTime, String expiresAt) {
        this.passwordHash = hash;
        this.passwordChangeRequired = oneTime;
        this.passwordExpiresAt = oneTime ? expiresAt : null;
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

    String email() {
        return email;
    }

    void email(String value) {
        this.email = value;
    }

    LocalDateTime createdAt() {
        return createdAt;
    }

    long version() {
        return version;
    }
}
