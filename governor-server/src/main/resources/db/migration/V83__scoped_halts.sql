-- Scoped halts (issue 19): stop the mutations of one environment (by name or tier), one owner's
-- agents, one action type or class, one agent or one session, with a reason and an optional end.
-- The global halt (global_halt) stays the everything-case. Lifting keeps the row.
CREATE TABLE scoped_halts (
    id          UUID          PRIMARY KEY,
    scope       VARCHAR(20)   NOT NULL,
    scope_value VARCHAR(320)  NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    created_by  VARCHAR(320)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at     TIMESTAMP WITH TIME ZONE,
    lifted_at   TIMESTAMP WITH TIME ZONE,
    lifted_by   VARCHAR(320)
);
CREATE INDEX scoped_halts_open ON scoped_halts (lifted_at, ends_at);
