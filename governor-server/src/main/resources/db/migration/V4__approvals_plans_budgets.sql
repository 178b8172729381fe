-- Approvals, plans and budgets. Portable SQL: PostgreSQL and H2 in PostgreSQL mode.

-- What the approver is shown (the request with the agent's reasoning, and the reasons it needs
-- sign-off) is kept with the approval: it is exactly what the approval's action hash covers.
-- A plan's approval covers the plan, not one decision, so it names the plan instead.
ALTER TABLE approvals ALTER COLUMN decision_id DROP NOT NULL;
ALTER TABLE approvals ADD COLUMN plan_id UUID;
ALTER TABLE approvals ADD COLUMN request_json TEXT;
ALTER TABLE approvals ADD COLUMN reasons_json TEXT;
CREATE UNIQUE INDEX approvals_plan ON approvals (plan_id);
-- The expiry job's query: open approvals whose time is up.
CREATE INDEX approvals_status_expires ON approvals (status, expires_at);

-- A verified plan: every step evaluated, the whole weighed, one outcome.
CREATE TABLE plans (
    id             UUID          PRIMARY KEY,
    agent_id       VARCHAR(64)   NOT NULL,
    session_id     VARCHAR(128),
    outcome        VARCHAR(32)   NOT NULL,
    steps_hash     VARCHAR(80)   NOT NULL,
    policy_version VARCHAR(80)   NOT NULL,
    request_json   TEXT          NOT NULL,
    response_json  TEXT          NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX plans_agent_created ON plans (agent_id, created_at);

-- One row per step; executed_by is set once (conditional update), so a step runs at most once.
CREATE TABLE plan_steps (
    plan_id     UUID          NOT NULL REFERENCES plans (id),
    step_index  INTEGER       NOT NULL,
    action_hash VARCHAR(80)   NOT NULL,
    outcome     VARCHAR(32)   NOT NULL,
    executed_by UUID,
    executed_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (plan_id, step_index)
);

-- Budgets: one row per ALLOWed mutating decision, written in the decision's transaction, with
-- the impact it declared. Sliding-window totals are sums over this table, so they hold across
-- restarts and across Governor instances sharing the database.
CREATE TABLE budget_usage (
    decision_id    UUID          PRIMARY KEY REFERENCES decisions (id),
    agent_id       VARCHAR(64)   NOT NULL,
    environment    VARCHAR(64)   NOT NULL,
    decided_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    records        BIGINT        NOT NULL,
    users          BIGINT        NOT NULL,
    monetary_value NUMERIC(19, 4) NOT NULL
);
CREATE INDEX budget_usage_agent_decided_at ON budget_usage (agent_id, decided_at);
