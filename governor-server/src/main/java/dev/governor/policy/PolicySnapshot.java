package dev.governor.policy;

import java.time.Instant;
import java.util.List;

/**
 * @param version  {@code sha256:<hex>} over the sorted relative paths and contents of every file
 * @param files    each loaded file, path relative to the policy root (e.g. {@code rules/freeze.drl})
 * @param warnings what the table checks found that did not stop the load (file, location, message)
 */
public record PolicySnapshot(String version, Instant loadedAt, List<PolicyFile> files,
                             List<PolicyLoadException.Problem> warnings) {

    public PolicySnapshot {
        files = List.copyOf(files);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public PolicySnapshot(String version, Instant loadedAt, List<PolicyFile> files) {
        this(version, loadedAt, files, List.of());
    }

    /**
     * The version of decision-tables/autonomy-promotion.dmn in this snapshot ({@code sha256:<hex>}),
     * stamped on agents and promotions; null when the file is absent.
     */
    public String criteriaVersion() {
        return files.stream().filter(f -> f.path().endsWith("/autonomy-promotion.dmn"))
                .map(f -> "sha256:" + f.sha256()).findFirst().orElse(null);
    }

    /** @param kind {@code DRL}, {@code DMN} or {@code XLSX} */
    public record PolicyFile(String path, String kind, String sha256) {
    }
}
