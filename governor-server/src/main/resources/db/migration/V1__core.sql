-- Governor core schema. Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode.

CREATE TABLE agents (
    id               VARCHAR(64)   PRIMARY KEY,
    owner            VARCHAR(320)  NOT NULL,
    task             VARCHAR(2000),
    autonomy_level   VARCHAR(32)   NOT NULL,
    suspended        BOOLEAN       NOT NULL DEFAULT FALSE,
    suspended_reason VARCHAR(2000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0
);

CREATE TABLE agent_environments (
    agent_id    VARCHAR(64) NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    environment VARCHAR(64) NOT NULL,
    PRIMARY KEY (agent_id, environment)
);

CREATE TABLE agent_permissions (
    agent_id   VARCHAR(64)  NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    permission VARCHAR(200) NOT NULL,
    PRIMARY KEY (agent_id, permission)
);

CREATE TABLE freezes (
    id          UUID         PRIMARY KEY,
    environment VARCHAR(64)  NOT NULL,
    starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lifted_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX freezes_environment_window ON freezes (environment, starts_at, ends_at);

-- One row per decision, written in the same transaction that answers it.
CREATE TABLE decisions (
    id             UUID          PRIMARY KEY,
    agent_id       VARCHAR(64)   NOT NULL,
    session_id     VARCHAR(128),
    approval_id    UUID,
    plan_id        UUID,
    step_index     INTEGER,
    action_type    VARCHAR(128)  NOT NULL,
    environment    VARCHAR(64)   NOT NULL,
    outcome        VARCHAR(32)   NOT NULL,
    reversibility  VARCHAR(32)   NOT NULL,
    blast_radius   VARCHAR(32)   NOT NULL,
    policy_version VARCHAR(80)   NOT NULL,
    request_json   TEXT          NOT NULL,
    response_json  TEXT          NOT NULL,
    errors_json    TEXT,
    decided_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    latency_micros BIGINT        NOT NULL
);
CREATE INDEX decisions_decided_at ON decisions (decided_at);
CREATE INDEX decisions_agent_decided_at ON decisions (agent_id, decided_at);

-- Every rule fired and every table row matched, in evaluation order. Ids come from a
-- sequence handed out in blocks of 50 so one decision's firings insert as one JDBC batch.
CREATE SEQUENCE decision_firings_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE decision_firings (
    id          BIGINT        PRIMARY KEY,
    decision_id UUID          NOT NULL REFERENCES decisions (id),
    seq         INTEGER       NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    file        VARCHAR(512)  NOT NULL,
    name        VARCHAR(256)  NOT NULL,
    row_id      VARCHAR(256),
    row_index   INTEGER,
    reason_code VARCHAR(64),
    outcome     VARCHAR(32),
    UNIQUE (decision_id, seq)
);

CREATE TABLE approvals (
    id            UUID          PRIMARY KEY,
    decision_id   UUID          NOT NULL REFERENCES decisions (id),
    agent_id      VARCHAR(64)   NOT NULL,
    action_hash   VARCHAR(80)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at    TIMESTAMP WITH TIME ZONE,
    decided_by    VARCHAR(320),
    comment       VARCHAR(2000),
    consumed_at   TIMESTAMP WITH TIME ZONE,
    consumed_by   UUID,
    version       BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX approvals_status_created ON approvals (status, created_at);
