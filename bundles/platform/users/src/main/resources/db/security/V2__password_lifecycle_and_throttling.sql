-- One-time passwords: a user whose password was generated (pf:user-add, reset) must choose a new one at sign-in;
-- password_expires_at (fixed-width UTC text, empty when it does not expire) ends a one-time password that is not used.
ALTER TABLE security_user ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE security_user ADD COLUMN password_expires_at VARCHAR(30);

-- Sign-in throttling shared by every node and kept across restarts. One row per throttled key: 'u:<user name>' or
-- 'a:<source address>'. Times are fixed-width UTC text (yyyy-MM-ddTHH:mm:ss.SSSZ) so that they compare as strings;
-- expires_at is when the row stops mattering (pruned after that).
CREATE TABLE security_login_throttle (
    throttle_key VARCHAR(200) NOT NULL PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure VARCHAR(30) NOT NULL,
    locked_until VARCHAR(30),
    expires_at VARCHAR(30) NOT NULL,
    version BIGINT NOT NULL
);

CREATE INDEX security_login_throttle_expiry ON security_login_throttle (expires_at);
