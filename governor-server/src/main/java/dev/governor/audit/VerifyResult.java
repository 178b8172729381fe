package dev.governor.audit;

/**
 * The answer of {@code GET /v1/audit/verify}.
 *
 * @param records       records read (up to and including the first broken one)
 * @param firstBrokenId the seq of the first record that fails verification (its own hash or links,
 *                      or a row it binds that no longer matches); null when valid
 * @param reason        why it fails; null when valid
 * @param lastSeq       the last record verified good, and {@code lastHash} its hash: together a
 *                      checkpoint from which a later verification (or an archive) can start;
 *                      they describe the links only, a binding that fails does not move them
 * @param checkpoint    the latest signed checkpoint the chain was checked against; null when none
 *                      has been written yet
 * @param unboundRow    a row stored in an operational table that no record binds ({@code "decision <id>"}):
 *                      it was added outside Governor, so no record is broken but the whole is not
 *                      valid; null when every row is bound (checked only when verifying from seq 1)
 */
public record VerifyResult(boolean valid, long records, Long firstBrokenId, String reason, long fromSeq,
                           long lastSeq, String lastHash, Checkpoint checkpoint, String unboundRow) {

    static VerifyResult of(ChainCheck check, BindingCheck binds, long fromSeq, String unboundRow) {
        boolean bindsFirst = binds.first().seq() != null
                && (check.firstBroken() == null || binds.first().seq() < check.firstBroken());
        Long first = bindsFirst ? binds.first().seq() : check.firstBroken();
        String reason = bindsFirst ? binds.first().reason() : check.reason();
        if (first == null && unboundRow != null) {
            reason = unboundRow + " is bound by no audit record (it was added outside Governor)";
        }
        return new VerifyResult(first == null && unboundRow == null, check.records(), first, reason,
                fromSeq, check.lastSeq(), check.lastHash(), check.latestCheckpoint(), unboundRow);
    }
}
