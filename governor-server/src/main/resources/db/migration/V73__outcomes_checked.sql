-- Issue 15 items 4 and 5: outcomes that are checked, and human operators measured like agents.

-- Whether the policy judged the action a mutation (reversibility.dmn), and whether the caller
-- was registered as an agent or a human operator at that moment. NULL on decisions recorded
-- before Governor kept them: unknown, so such decisions count as neither.
ALTER TABLE decisions ADD COLUMN mutating BOOLEAN;
ALTER TABLE decisions ADD COLUMN agent_kind VARCHAR(32);

-- AGENT or HUMAN_OPERATOR: a person whose decisions go through POST /v1/decisions like an agent's.
ALTER TABLE agents ADD COLUMN kind VARCHAR(32) NOT NULL DEFAULT 'AGENT';

-- A human's (or the verifier's) review of an agent's outcome claim. Append-only: bound in the
-- audit log; the latest (highest seq per decision) stands.
CREATE TABLE decision_outcome_reviews (
    id          UUID          PRIMARY KEY,
    decision_id UUID          NOT NULL REFERENCES decisions (id),
    seq         INTEGER       NOT NULL,
    verdict     VARCHAR(16)   NOT NULL,
    actor       VARCHAR(320)  NOT NULL,
    comment     VARCHAR(2000),
    reviewed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (decision_id, seq)
);

-- An ALLOWed mutation that had no outcome claim once its period (outcome-deadlines.dmn) was
-- over. The primary key makes flagging idempotent: one row per decision, whoever runs the job.
CREATE TABLE decision_outcome_missing (
    decision_id UUID          PRIMARY KEY REFERENCES decisions (id),
    period      VARCHAR(64)   NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    flagged_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What a human did with a RECOMMEND or REQUIRE_APPROVAL decision: ACCEPTED, MODIFIED or REJECTED.
-- source HUMAN_ACTION: POST /v1/decisions/{id}/human-action; APPROVAL: the decision's approval
-- was approved (ACCEPTED) or rejected (REJECTED). Append-only; the latest (highest seq) stands.
CREATE TABLE decision_human_actions (
    id           UUID          PRIMARY KEY,
    decision_id  UUID          NOT NULL REFERENCES decisions (id),
    seq          INTEGER       NOT NULL,
    action       VARCHAR(16)   NOT NULL,
    source       VARCHAR(16)   NOT NULL,
    action_taken TEXT,
    actor        VARCHAR(320)  NOT NULL,
    comment      VARCHAR(2000),
    acted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (decision_id, seq)
);
