package org.partnerfinance.notifications.internal;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Row of {@code notification_preference}: whether a user gets one kind by e-mail. */
@Entity
@Table(name = "notification_preference")
@IdClass(PreferenceEntity.Key.class)
public class PreferenceEntity {

    @Id
    @Column(name = "username", length = 64)
    private String username;

    @Id
    @Column(name = "kind", length = 64)
    private String kind;

    @Column(name = "email", nullable = false)
    private boolean email;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public PreferenceEntity() {
    }

    PreferenceEntity(String username, String kind, boolean email) {
        this.username = username;
        this.kind = kind;
        this.email = email;
    }

    String kind() {
        return kind;
    }

    boolean email() {
        return email;
    }

    void email(boolean value) {
        this.email = value;
    }

    /** The primary key (user name, kind). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String username;
        private String kind;

        public Key() {
        }

        Key(String username, String kind) {
            this.username = username;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(username, k.username) && Objects.equals(kind, k.kind);
        }

        @Override
        public int hashCode() {
            return Objects.hash(username, kind);
        }
    }
}
