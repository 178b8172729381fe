-- The exact facts each decision was evaluated on (agent as registered then, freezes in force,
-- inputs, clock), so a decision can be explained and replayed against another policy later.
ALTER TABLE decisions ADD COLUMN facts_json TEXT;
