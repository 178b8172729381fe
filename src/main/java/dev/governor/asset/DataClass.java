package dev.governor.asset;

/** What kind of data an asset holds; the policy decides what each class demands. */
public enum DataClass {
    CREDENTIALS,
    PII,
    FINANCIAL,
    SYSTEM_CONFIG,
    SECURITY_CONTROL,
    PUBLIC,
    INTERNAL
}
