package dev.governor.policy;

import java.time.Instant;
import java.util.List;

/**
 * @param version  {@code sha256:<hex>} over the sorted relative paths and contents of every file
 * @param files    each loaded file, path relative to the policy root (e.g. {@code rules/freeze.drl})
 */
public record PolicySnapshot(String version, Instant loadedAt, List<PolicyFile> files) {

    public PolicySnapshot {
        files = List.copyOf(files);
    }

    /** @param kind {@code DRL}, {@code DMN} or {@code XLSX} */
    public record PolicyFile(String path, String kind, String sha256) {
    }
}
