package org.partnerfinance.notifications.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.partnerfinance.notifications.api.Notification;

/** Row of {@code notification}. */
@Entity
@Table(name = "notification")
public class NotificationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "recipient", nullable = false, length = 64)
    private String recipient;

    @Column(name = "partner_id", length = 64)
    private String partnerId;

    @Column(name = "kind", nullable = false, length = 64)
    private String kind;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "body", nullable = false, length = 2000)
    private String body;

    @Column(name = "link", length = 400)
    private String link;

    @Column(name = "created_at", nullable = false, length = 30)
    private String createdAt;

    @Column(name = "read_at", length = 30)
    private String readAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public NotificationEntity() {
    }

    NotificationEntity(String recipient, String partnerId, String kind, String title, String body, String link,
            String createdAt) {
        this.recipient = recipient;
        this.partnerId = partnerId;
        this.kind = kind;
        this.title = title;
        this.body = body;
        this.link = link;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    String recipient() {
        return recipient;
    }

    String partnerId() {
        return partnerId;
    }

    String kind() {
        return kind;
    }

    String title() {
        return title;
    }

    String body() {
        return body;
    }

    String link() {
        return link;
    }

    String readAt() {
        return readAt;
    }

    void readAt(String value) {
        this.readAt = value;
    }

    Notification toNotification() {
        return new Notification(id, recipient, kind, title, body, link, UtcText.parse(createdAt), readAt != null);
    }
}
