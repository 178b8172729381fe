-- Two outcomes per decision: the policy's verdict before any approval or plan step was taken
-- into account (policy_verdict, with its reasons), and the answer after it (outcome, as before).
-- Replay compares a candidate's verdict with policy_verdict, and its answer with outcome.
ALTER TABLE decisions ADD COLUMN policy_verdict VARCHAR(32);
ALTER TABLE decisions ADD COLUMN verdict_reasons_json TEXT;
-- Earlier decisions that named neither an approval nor a plan step: their answer was the verdict.
-- Those that named one keep NULL (unknown): replay does not compare their verdict.
UPDATE decisions SET policy_verdict = outcome WHERE approval_id IS NULL AND plan_id IS NULL;
