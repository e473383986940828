package org.partnerfinance.users.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Row of {@code security_login_throttle}: the failure series of one user name or source address. */
@Entity
@Table(name = "security_login_throttle")
public class ThrottleEntity {

    @Id
    @Column(name = "throttle_key", length = 200)
    private String throttleKey;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "last_failure", nullable = false, length = 30)
    private String lastFailure;

    @Column(name = "locked_until", length = 30)
    private String lockedUntil;

    @Column(name = "expires_at", nullable = false, length = 30)
    private String expiresAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public ThrottleEntity() {
    }

    ThrottleEntity(String key) {
        this.throttleKey = key;
    }

    String key() {
        return throttleKey;
    }

    int failures() {
        return failures;
    }

    String lastFailure() {
        return lastFailure;
    }

    String lockedUntil() {
        return lockedUntil;
    }

    void update(int failures, String lastFailure, String lockedUntil, String expiresAt) {
        this.failures = failures;
        this.lastFailure = lastFailure;
        this.lockedUntil = lockedUntil;
        this.expiresAt = expiresAt;
    }
}
