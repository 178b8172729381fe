package dev.governor.asset;

/** How much the organisation depends on an asset, on the same scale as the blast radius. */
public enum Criticality {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
