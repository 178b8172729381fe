-- Every attempt to load a policy version (start-up, reload, directory watch), successful or not:
-- who, when, which version, and the errors or warnings. GET /v1/policies/history lists them.
CREATE TABLE policy_loads (
    id               UUID          PRIMARY KEY,
    attempted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor            VARCHAR(320)  NOT NULL,
    trigger_type     VARCHAR(16)   NOT NULL,
    outcome          VARCHAR(16)   NOT NULL,
    version          VARCHAR(80),
    previous_version VARCHAR(80),
    active_version   VARCHAR(80),
    errors_json      TEXT,
    warnings_json    TEXT
);
CREATE INDEX policy_loads_attempted_at ON policy_loads (attempted_at);
