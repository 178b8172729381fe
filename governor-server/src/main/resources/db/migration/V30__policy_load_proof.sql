-- What a policy load was proven with: the files and their hashes, and what the policy tests said
-- (or why they did not run: at start-up, or skipped by an administrator with requireTests=false).
ALTER TABLE policy_loads ADD COLUMN files_json TEXT;
ALTER TABLE policy_loads ADD COLUMN tests VARCHAR(500);
