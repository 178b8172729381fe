package dev.governor.policy;

/**
 * What a target holds, as the asset registers (assets.xlsx, /v1/assets) and
 * sensitive-targets.dmn name it. The session flow rules follow CREDENTIALS and PII out of the
 * organisation (rules/session-flows.drl).
 */
public enum DataClass {
    CREDENTIALS,
    PII,
    FINANCIAL,
    SYSTEM_CONFIG,
    SECURITY_CONTROL,
    PUBLIC,
    INTERNAL
}
