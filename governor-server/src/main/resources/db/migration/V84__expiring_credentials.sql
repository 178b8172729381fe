-- Expiring credentials and grants (issue 19 items 1 and 2).
-- An agent key ends at expires_at (decision-tables/key-lifetimes.dmn, or less if asked); from
-- warn_from on, answers to the agent announce the end. Keys issued before this migration have
-- neither: they live until rotated, as they were promised, and the key listing shows them as such.
ALTER TABLE agent_keys ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE agent_keys ADD COLUMN warn_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE agent_keys ADD COLUMN lifetime_source VARCHAR(200);

-- A session token: exchanged for the agent's key, scoped to one session and a subset of the
-- agent's grants (space-separated), ending at expires_at. It dies with its key (key_id).
CREATE TABLE agent_session_tokens (
    id           UUID          PRIMARY KEY,
    key_id       UUID          NOT NULL REFERENCES agent_keys (id),
    agent_id     VARCHAR(64)   NOT NULL REFERENCES agents (id),
    token_hash   VARCHAR(64)   NOT NULL UNIQUE,
    token_prefix VARCHAR(16)   NOT NULL,
    session_id   VARCHAR(200)  NOT NULL,
    permissions  VARCHAR(8000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    warn_from    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX agent_session_tokens_key ON agent_session_tokens (key_id);

-- The end of a grant, where it has one: at ends_at the grant is over (PERMISSION_NOT_GRANTED).
CREATE TABLE agent_grant_ends (
    agent_id   VARCHAR(64)   NOT NULL REFERENCES agents (id),
    permission VARCHAR(200)  NOT NULL,
    ends_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (agent_id, permission)
);
