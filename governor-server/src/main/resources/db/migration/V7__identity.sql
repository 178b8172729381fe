-- Identity: agent API keys, Governor-local human users, and the global halt switch.
-- Secrets are never stored: only the SHA-256 hash of a key or token (looked up by hash) and
-- a short non-secret prefix that lets an operator tell keys apart in listings and logs.
CREATE TABLE agent_keys (
    id          UUID          PRIMARY KEY,
    agent_id    VARCHAR(64)   NOT NULL REFERENCES agents (id),
    key_hash    VARCHAR(64)   NOT NULL UNIQUE,
    key_prefix  VARCHAR(16)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX agent_keys_agent ON agent_keys (agent_id);

CREATE TABLE users (
    name          VARCHAR(320)  PRIMARY KEY,
    roles         VARCHAR(200)  NOT NULL,
    token_hash    VARCHAR(64)   NOT NULL UNIQUE,
    token_prefix  VARCHAR(16)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(320)  NOT NULL
);

-- One row at most (id = 1): present and active while every mutation of every agent is denied.
CREATE TABLE global_halt (
    id         INTEGER       PRIMARY KEY,
    active     BOOLEAN       NOT NULL,
    reason     VARCHAR(2000),
    changed_by VARCHAR(320)  NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
