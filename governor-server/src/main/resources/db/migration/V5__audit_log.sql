-- The tamper-evident audit log. Append-only: Governor never updates or deletes a row (grant the
-- application role only INSERT and SELECT on audit_log in production). Each record carries the
-- hash of the one before it; see dev.governor.audit.ChainHash for the exact encoding.
CREATE TABLE audit_log (
    seq         BIGINT        PRIMARY KEY,
    kind        VARCHAR(32)   NOT NULL,
    subject_id  VARCHAR(200)  NOT NULL,
    actor       VARCHAR(320)  NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    payload     TEXT          NOT NULL,
    prev_hash   VARCHAR(64)   NOT NULL,
    hash        VARCHAR(64)   NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject_id);

-- One row, locked by every append: it serialises writers across all instances sharing the
-- database and remembers the chain head, so a truncated tail is detected too.
CREATE TABLE audit_head (
    id        INTEGER      PRIMARY KEY,
    last_seq  BIGINT       NOT NULL,
    last_hash VARCHAR(64)  NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- What happened after a decision, as the agent reported it. Append-only: a later report
-- (e.g. SUCCEEDED, then ROLLED_BACK when an incident surfaced) is kept as history.
CREATE TABLE decision_outcomes (
    id          UUID          PRIMARY KEY,
    decision_id UUID          NOT NULL REFERENCES decisions (id),
    status      VARCHAR(16)   NOT NULL,
    incident    BOOLEAN       NOT NULL,
    detail      VARCHAR(4000),
    reported_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX decision_outcomes_decision ON decision_outcomes (decision_id, reported_at);
