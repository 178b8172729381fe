package dev.governor.audit;

/**
 * One audit record exactly as hashed and exported ({@code GET /v1/audit/log}). {@code payload}
 * is canonical JSON text (keys sorted, no whitespace) and is hashed as that text. {@code sig} is
 * Governor's Ed25519 signature of the hash ({@link Signatures#record}), outside the hash; null for
 * records written before records were signed.
 */
public record ChainRecord(long seq, String kind, String subjectId, String actor, String at, String payload,
                          String prevHash, String hash, String sig) {

    /** An unsigned record. */
    public ChainRecord(long seq, String kind, String subjectId, String actor, String at, String payload,
                       String prevHash, String hash) {
        this(seq, kind, subjectId, actor, at, payload, prevHash, hash, null);
    }
}
