-- Issue 14 item 6: the values Governor accepted per input source and metric, which the data
-- quality rules compare each new value with. "series" is the SHA-256 of the source and metric, so a
-- decision's pairs are one indexed IN list. Bounded by a prune job (governor.inputs.*); readers
-- never take more than governor.inputs.history-size values per series.
CREATE SEQUENCE input_history_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE input_history (
    id          BIGINT                   PRIMARY KEY,
    series      VARCHAR(64)              NOT NULL,
    source      VARCHAR(128)             NOT NULL,
    metric      VARCHAR(256)             NOT NULL,
    observed_value NUMERIC(24, 6)        NOT NULL,
    observed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    decision_id UUID                     NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX input_history_series ON input_history (series, observed_at, id);
CREATE INDEX input_history_recorded ON input_history (series, recorded_at);
