-- Autonomy earned on evidence (issue 15).
-- The version of decision-tables/autonomy-promotion.dmn in force when the agent was registered:
-- the criteria it was told it would be judged by, before it acted. NULL for agents registered before.
ALTER TABLE agents ADD COLUMN criteria_version VARCHAR(80);

-- Every change of an agent's level or environments, oldest first: registration, promotions signed
-- off by a second person, lowering by an agent-admin, automatic demotion on drift. Never updated.
CREATE TABLE agent_levels (
    id             UUID          PRIMARY KEY,
    agent_id       VARCHAR(64)   NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    autonomy_level VARCHAR(32)   NOT NULL,
    environments   VARCHAR(4000) NOT NULL,
    actor          VARCHAR(320)  NOT NULL,
    override       BOOLEAN       NOT NULL,
    reason         VARCHAR(2000),
    promotion_id   UUID,
    source         VARCHAR(300)
);
CREATE INDEX agent_levels_agent ON agent_levels (agent_id, changed_at);

-- A promotion asked for, judged against the criteria, then signed off or rejected by a second person.
CREATE TABLE promotions (
    id               UUID          PRIMARY KEY,
    agent_id         VARCHAR(64)   NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    change           VARCHAR(16)   NOT NULL,
    from_value       VARCHAR(200)  NOT NULL,
    to_value         VARCHAR(200)  NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    justification    VARCHAR(2000) NOT NULL,
    override         BOOLEAN       NOT NULL,
    override_reason  VARCHAR(2000),
    requested_by     VARCHAR(320)  NOT NULL,
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    owner            VARCHAR(320)  NOT NULL,
    evidence_json    TEXT          NOT NULL,
    policy_version   VARCHAR(80)   NOT NULL,
    criteria_version VARCHAR(80),
    decided_by       VARCHAR(320),
    decided_at       TIMESTAMP WITH TIME ZONE,
    decision_comment VARCHAR(2000),
    version          BIGINT        NOT NULL
);
CREATE INDEX promotions_status ON promotions (status, requested_at);
CREATE INDEX promotions_agent ON promotions (agent_id, requested_at);
