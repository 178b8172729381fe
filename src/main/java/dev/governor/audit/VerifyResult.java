package dev.governor.audit;

/**
 * The answer of {@code GET /v1/audit/verify}.
 *
 * @param records       records read (up to and including the first broken one)
 * @param firstBrokenId the seq of the first record that fails verification; null when valid
 * @param reason        why it fails; null when valid
 * @param lastSeq       the last record verified good, and {@code lastHash} its hash: together a
 *                      checkpoint from which a later verification (or an archive) can start
 */
public record VerifyResult(boolean valid, long records, Long firstBrokenId, String reason, long fromSeq,
                           long lastSeq, String lastHash) {

    static VerifyResult of(ChainCheck check, long fromSeq) {
        return new VerifyResult(check.valid(), check.records(), check.firstBroken(), check.reason(), fromSeq,
                check.lastSeq(), check.lastHash());
    }
}
