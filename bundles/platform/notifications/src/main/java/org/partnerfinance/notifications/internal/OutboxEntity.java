package org.partnerfinance.notifications.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Row of {@code notification_outbox}: one e-mail to send, with its delivery state. */
@Entity
@Table(name = "notification_outbox")
public class OutboxEntity {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "notification_id", nullable = false)
    private long notificationId;

    @Column(name = "recipient", nullable = false, length = 64)
    private String recipient;

    @Column(name = "address", nullable = false, length = 254)
    private String address;

    @Column(name = "subject", nullable = false, length = 300)
    private String subject;

    @Column(name = "body", nullable = false, length = 4000)
    private String body;

    @Column(name = "status", nullable = false, length = 10)
    private String status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false, length = 30)
    private String createdAt;

    @Column(name = "next_attempt_at", nullable = false, length = 30)
    private String nextAttemptAt;

    @Column(name = "sent_at", length = 30)
    private String sentAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public OutboxEntity() {
    }

    OutboxEntity(long notificationId, String recipient, String address, String subject, String body,
            String createdAt) {
        this.notificationId = notificationId;
        this.recipient = recipient;
        this.address = address;
        this.subject = subject;
        this.body = body;
        this.status = PENDING;
        this.createdAt = createdAt;
        this.nextAttemptAt = createdAt;
    }

    Long id() {
        return id;
    }

    String address() {
        return address;
    }

    String subject() {
        return subject;
    }

    String body() {
        return body;
    }

    String status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    String nextAttemptAt() {
        return nextAttemptAt;
    }

    String lastError() {
        return lastError;
    }

    long version() {
        return version;
    }

    /** Reserves the row for one sending attempt until {@code until} (another node skips it meanwhile). */
    void lease(String until) {
        this.nextAttemptAt = until;
    }

    void sent(String at) {
        this.status = SENT;
        this.sentAt = at;
        this.attempts++;
        this.lastError = null;
    }

    void failed(String error, String retryAt, boolean giveUp) {
        this.attempts++;
        this.lastError = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
        this.nextAttemptAt = retryAt;
        if (giveUp) {
            this.status = FAILED;
        }
    }
}
