-- The asset registry (/v1/assets): the targets the organisation knows, with their tier, data
-- class, criticality, owner team and exposure. A deleted asset keeps its row (deleted_at set,
-- live_target cleared) because the audit chain binds every row: the record of its deletion must
-- still find what it vouches for.
CREATE TABLE assets (
    id             UUID           PRIMARY KEY,
    target         VARCHAR(512)   NOT NULL,
    -- target while the asset is registered, NULL once deleted: unique, so a target is registered
    -- at most once, and a deleted target can be registered again.
    live_target    VARCHAR(512)   UNIQUE,
    -- target as a LIKE pattern: '*' -> '%', and '%', '_' and '\' escaped with '\'.
    like_pattern   VARCHAR(1536)  NOT NULL,
    tier           VARCHAR(16)    NOT NULL,
    data_class     VARCHAR(32)    NOT NULL,
    criticality    VARCHAR(16)    NOT NULL,
    owner_team     VARCHAR(200)   NOT NULL,
    -- NULL = not registered, never 0.
    records        BIGINT,
    users          BIGINT,
    monetary_value NUMERIC(19, 4),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at     TIMESTAMP WITH TIME ZONE,
    version        BIGINT         NOT NULL
);
CREATE INDEX assets_owner_team ON assets (owner_team);
