package dev.governor.client;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What became of an allowed action, as the agent reports it. */
public enum OutcomeStatus {
    SUCCEEDED,
    FAILED,
    ROLLED_BACK,
    @JsonEnumDefaultValue
    UNKNOWN
}
