package dev.governor.audit;

/**
 * One audit record exactly as hashed and exported ({@code GET /v1/audit/log}). {@code payload}
 * is canonical JSON text (keys sorted, no whitespace) and is hashed as that text.
 */
public record ChainRecord(long seq, String kind, String subjectId, String actor, String at, String payload,
                          String prevHash, String hash) {
}
