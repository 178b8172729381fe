-- Owners are people who exist (issue 15 item 8). A user is disabled or (softly) deleted, never
-- removed, so the audit log's actors stay readable; neither state authenticates.
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN disabled_by VARCHAR(320);
ALTER TABLE users ADD COLUMN disabled_reason VARCHAR(2000);
ALTER TABLE users ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN deleted_by VARCHAR(320);

-- People authenticated by the identity provider, recorded on their first request so that they
-- count as known users (an agent's owner) and can be disabled here like local users.
CREATE TABLE oidc_subjects (
    name            VARCHAR(320)  PRIMARY KEY,
    roles           VARCHAR(2000) NOT NULL,
    first_seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    disabled_at     TIMESTAMP WITH TIME ZONE,
    disabled_by     VARCHAR(320),
    disabled_reason VARCHAR(2000),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    deleted_by      VARCHAR(320)
);
