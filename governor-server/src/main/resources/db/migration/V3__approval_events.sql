-- Every state change of an approval (OPENED, APPROVED, REJECTED, EXPIRED, CONSUMED), with who
-- and when; shown in the decision's record and trace.
CREATE SEQUENCE approval_events_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE approval_events (
    id          BIGINT        PRIMARY KEY,
    approval_id UUID          NOT NULL REFERENCES approvals (id),
    decision_id UUID,
    type        VARCHAR(16)   NOT NULL,
    actor       VARCHAR(320)  NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    comment     VARCHAR(2000)
);
CREATE INDEX approval_events_approval ON approval_events (approval_id, at);
