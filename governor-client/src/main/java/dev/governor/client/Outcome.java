package dev.governor.client;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Governor's answer. {@link #UNKNOWN} stands for a value this client does not know yet: treat it as DENY. */
public enum Outcome {
    ALLOW,
    REQUIRE_APPROVAL,
    DENY,
    RECOMMEND,
    @JsonEnumDefaultValue
    UNKNOWN
}
