-- When the owner was told that an agent key is near its end (once a key; the job that tells them
-- claims a key by setting this, so two instances never both send it).
ALTER TABLE agent_keys ADD COLUMN owner_notified_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX agent_keys_warn_from ON agent_keys (warn_from);
