-- Every record is signed with Governor's Ed25519 key (kept outside the database) over its hash;
-- records written before this migration have none. See dev.governor.audit.Signatures.
ALTER TABLE audit_log ADD COLUMN sig VARCHAR(100);

-- Signed checkpoints of the chain head, a copy of the files in governor.audit.checkpoints.dir
-- (those, archived outside the database, are what counts). "at" is the signed text, kept as is.
CREATE TABLE audit_checkpoints (
    seq       BIGINT        NOT NULL,
    hash      VARCHAR(64)   NOT NULL,
    at        VARCHAR(32)   NOT NULL,
    key_id    VARCHAR(16)   NOT NULL,
    signature VARCHAR(100)  NOT NULL,
    PRIMARY KEY (seq, hash)
);
