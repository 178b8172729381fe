package dev.governor.client;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** An approval's state; {@link #UNKNOWN} is a state newer than this client. */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED,
    CONSUMED,
    @JsonEnumDefaultValue
    UNKNOWN
}
