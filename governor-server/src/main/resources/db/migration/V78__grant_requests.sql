-- Grant requests (issue 15 item 7): the only way an agent's grants widen. A request is written
-- once; its decision is a row of its own, at most one per request (the primary key makes a
-- second approve lose, whatever the race), so no row is ever updated.
CREATE TABLE grant_requests (
    id            UUID          PRIMARY KEY,
    agent_id      VARCHAR(64)   NOT NULL,
    permission    VARCHAR(200)  NOT NULL,
    justification VARCHAR(2000) NOT NULL,
    decision_id   UUID,
    requested_by  VARCHAR(320)  NOT NULL,
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX grant_requests_agent ON grant_requests (agent_id, requested_at);

CREATE TABLE grant_request_decisions (
    request_id    UUID          PRIMARY KEY REFERENCES grant_requests (id),
    status        VARCHAR(16)   NOT NULL,
    decided_by    VARCHAR(320)  NOT NULL,
    decided_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    comment       VARCHAR(2000)
);
