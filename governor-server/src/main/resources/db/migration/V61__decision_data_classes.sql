-- What a decision's target held (its assets and sensitive-targets.dmn rows), so that later
-- steps of the session are judged with it (rules/session-flows.drl). Null on decisions recorded
-- before Governor knew it; such steps count as touching nothing.
ALTER TABLE decisions ADD COLUMN data_classes VARCHAR(255);
CREATE INDEX decisions_session_decided_at ON decisions (session_id, decided_at);
CREATE INDEX decisions_plan ON decisions (plan_id);
