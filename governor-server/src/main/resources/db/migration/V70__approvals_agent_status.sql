-- Every decision counts the agent's PENDING approvals (rules/pending-approvals.drl caps them),
-- while it holds the agent's lock: keep that count an index lookup.
CREATE INDEX approvals_agent_status ON approvals (agent_id, status, expires_at);
