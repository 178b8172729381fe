-- Break-glass exceptions (issue 19 item 4): a time-boxed lift of named reason codes for one agent,
-- its action types and target patterns. Two approvals by two people, neither the requester nor
-- the agent's owner, make it ACTIVE; the second approver's columns are written once, under the
-- row's lock. Lists are one value a line (no value holds a control character). Revoking and
-- expiring keep the row.
CREATE TABLE policy_exceptions (
    id                 UUID          PRIMARY KEY,
    agent_id           VARCHAR(64)   NOT NULL,
    owner              VARCHAR(320)  NOT NULL,
    action_types       VARCHAR(4000) NOT NULL,
    targets            VARCHAR(4000) NOT NULL,
    reason_codes       VARCHAR(2000) NOT NULL,
    justification      VARCHAR(2000) NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    requested_by       VARCHAR(320)  NOT NULL,
    requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    first_approver     VARCHAR(320),
    first_approved_at  TIMESTAMP WITH TIME ZONE,
    first_comment      VARCHAR(2000),
    second_approver    VARCHAR(320),
    second_approved_at TIMESTAMP WITH TIME ZONE,
    second_comment     VARCHAR(2000),
    revoked_by         VARCHAR(320),
    revoked_at         TIMESTAMP WITH TIME ZONE,
    revoke_reason      VARCHAR(2000)
);
CREATE INDEX policy_exceptions_agent ON policy_exceptions (agent_id, status, ends_at);
