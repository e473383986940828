-- Personal API tokens for the REST API. Only the SHA-256 hash of a secret is stored (hex, unique: a bearer secret is
-- looked up by it) together with its first characters (token_prefix) so that people can tell tokens apart. Times are
-- fixed-width UTC text like the rest of the unit; revoked tokens stay as a record of what existed.
CREATE TABLE security_api_token (
    token_id VARCHAR(32) NOT NULL PRIMARY KEY,
    username VARCHAR(64) NOT NULL REFERENCES security_user (username),
    name VARCHAR(100) NOT NULL,
    token_prefix VARCHAR(16) NOT NULL,
    secret_hash VARCHAR(64) NOT NULL,
    created_at VARCHAR(30) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    expires_at VARCHAR(30),
    last_used_at VARCHAR(30),
    revoked_at VARCHAR(30),
    revoked_by VARCHAR(64),
    version BIGINT NOT NULL
);

CREATE UNIQUE INDEX security_api_token_hash ON security_api_token (secret_hash);
CREATE INDEX security_api_token_user ON security_api_token (username);
