package dev.governor.audit;

import java.util.Objects;

/**
 * One operational row an audit record vouches for: the SHA-256 of its canonical form (see
 * {@link CanonicalJson#sha256}) under {@code kind} and {@code id}. A record carries a list of them
 * in its payload as {@code binds}, so one record can vouch for several rows (a decision now; a
 * group of decisions once appends are batched).
 */
public record Binding(String kind, String id, String sha256) {

    public Binding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sha256, "sha256");
    }
}
