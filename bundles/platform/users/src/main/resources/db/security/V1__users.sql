-- The portal's own users. Roles are stored as comma-separated role ids (e.g. 'partner-user,partner-admin');
-- partner_id is set for partner users and empty for company staff.
CREATE TABLE security_user (
    username VARCHAR(64) NOT NULL PRIMARY KEY,
    display_name VARCHAR(200) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    roles VARCHAR(400) NOT NULL,
    partner_id VARCHAR(64),
    enabled BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL
);

CREATE INDEX security_user_partner ON security_user (partner_id);
