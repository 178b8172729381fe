package dev.governor.audit;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Checks records one at a time in {@code seq} order, keeping only the previous hash: constant
 * memory however long the chain. Shared by {@code GET /v1/audit/verify} and the command-line
 * verifier. A record is broken when its seq is not the next one (deleted or inserted rows),
 * its {@code prevHash} is not the previous record's hash (deleted, inserted or reordered rows),
 * or its own hash does not match its content (edited row).
 *
 * <p>Given Governor's public key, a record is also broken when its signature does not match its
 * hash, or it has none where every record is signed (added or rewritten by someone without the
 * key); given signed checkpoints, when it differs from one (rewritten, or an older backup restored
 * and continued), and the chain is broken where it ends short of the latest one (its end deleted,
 * or an older backup restored). Records up to the first checkpoint may predate signing: the
 * checkpoint vouches for them through the links.
 */
public final class ChainCheck {

    private long expectedSeq;
    private String expectedPrevHash;
    private long records;
    private Long firstBroken;
    private String reason;
    private final PublicKey key;
    private final NavigableMap<Long, List<Checkpoint>> checkpoints = new TreeMap<>();
    private boolean signedSeen;
    /**
     * The first of the records, running up to the next checkpoint's seq, that were all written
     * after that checkpoint was signed, and the hash before it: a checkpoint cannot vouch for a
     * record younger than itself, so if the chain then differs from it, this is where the restored
     * copy went its own way. Only the unbroken run counts, so one record stamped by a clock that
     * ran ahead (a test clock, an instance with skew) does not move the name.
     */
    private Long youngerSince;
    private String youngerPrevHash;

    /**
     * @param fromSeq          the first seq to expect; 1 for a whole chain
     * @param expectedPrevHash the hash of record {@code fromSeq - 1} (from a checkpoint); null for
     *                         a whole chain, which must start from {@link ChainHash#GENESIS}
     */
    public ChainCheck(long fromSeq, String expectedPrevHash) {
        this(fromSeq, expectedPrevHash, null, List.of());
    }

    /**
     * @param key         Governor's public key; null checks no signatures
     * @param checkpoints checkpoints already known to be signed by {@code key}; those before
     *                    {@code fromSeq} are ignored
     */
    public ChainCheck(long fromSeq, String expectedPrevHash, PublicKey key, Collection<Checkpoint> checkpoints) {
        this.expectedSeq = fromSeq;
        this.expectedPrevHash = expectedPrevHash != null ? expectedPrevHash : fromSeq == 1 ? ChainHash.GENESIS : null;
        this.key = key;
        for (Checkpoint cp : checkpoints) {
            if (cp.seq() >= fromSeq) this.checkpoints.computeIfAbsent(cp.seq(), s -> new ArrayList<>()).add(cp);
        }
    }

    /** @return false once the chain is broken; the caller may stop reading */
    public boolean accept(ChainRecord r) {
        if (firstBroken != null) {
            return false;
        }
        records++;
        if (r.kind() == null || r.subjectId() == null || r.actor() == null || r.at() == null || r.payload() == null
                || r.prevHash() == null || r.hash() == null) {
            return broken(r.seq(), "a field of the record is missing");
        }
        if (r.seq() != expectedSeq) {
            return broken(r.seq(), r.seq() < expectedSeq ? "seq " + r.seq() + " is out of order or repeated"
                    : "records " + expectedSeq + ".." + (r.seq() - 1) + " are missing");
        }
        if (expectedPrevHash == null) {
            return broken(r.seq(), "the chain starts at seq " + r.seq() + ", not 1: earlier records were archived "
                    + "or deleted; verify from a checkpoint (fromSeq and expectedPrevHash)");
        }
        if (!expectedPrevHash.equals(r.prevHash())) {
            return broken(r.seq(), "prev_hash does not match the hash of the previous record "
                    + "(a record was deleted, inserted or reordered)");
        }
        if (!ChainHash.of(r).equals(r.hash())) {
            return broken(r.seq(), "hash does not match the record's content (the record was edited)");
        }
        if (key != null && !signed(r)) {
            return false;
        }
        var next = checkpoints.ceilingEntry(r.seq());
        if (next != null && r.at().compareTo(next.getValue().get(0).at()) <= 0) {
            youngerSince = null; // an older record after a younger one: that one was a clock's step, not a restore
        } else if (next != null && youngerSince == null) {
            youngerSince = r.seq();
            youngerPrevHash = expectedPrevHash;
        }
        for (Checkpoint cp : checkpoints.getOrDefault(r.seq(), List.of())) {
            if (!cp.hash().equals(r.hash())) return differs(r, cp);
        }
        if (next != null && next.getKey() == r.seq()) youngerSince = null;
        expectedSeq = r.seq() + 1;
        expectedPrevHash = r.hash();
        return true;
    }

    /**
     * Compares where the records ended with the stored chain head, read before ({@code minSeq})
     * and after ({@code maxSeq}, {@code maxHash}) the walk, so concurrent appends do not count as
     * tampering. Records missing at the end, or present beyond the head, break the chain.
     */
    public void checkHead(long minSeq, long maxSeq, String maxHash) {
        if (firstBroken != null) {
            return;
        }
        long last = expectedSeq - 1;
        if (last < minSeq) {
            broken(last + 1, "the chain head is seq " + minSeq + " but the records end at seq " + last
                    + " (records at the end were deleted)");
        } else if (last > maxSeq) {
            broken(maxSeq + 1, "records after the chain head (seq " + maxSeq + ") were added outside Governor");
        } else if (last == maxSeq && maxSeq > 0 && !maxHash.equals(expectedPrevHash)) {
            broken(last, "the chain head's hash does not match record " + last + " (the head was altered)");
        }
    }

    private boolean signed(ChainRecord r) {
        if (r.sig() == null) {
            boolean mustBe = signedSeen || (!checkpoints.isEmpty() && r.seq() > checkpoints.firstKey());
            return !mustBe || broken(r.seq(), "the record is not signed, though the records before it are (it was "
                    + "added or rewritten outside Governor)");
        }
        if (!Signatures.verify(key, Signatures.record(r.hash()), r.sig())) {
            return broken(r.seq(), "the record's signature does not match its hash (it was added or rewritten "
                    + "outside Governor, by someone without Governor's key)");
        }
        signedSeen = true;
        return true;
    }

    /**
     * Call after the last record: the chain must reach the latest signed checkpoint. Ending short
     * of it means its end was deleted (and the head rewound), or an older backup was restored.
     */
    public void checkCheckpoints() {
        if (firstBroken != null || checkpoints.isEmpty()) {
            return;
        }
        Checkpoint latest = checkpoints.lastEntry().getValue().get(0);
        long last = expectedSeq - 1;
        if (last < latest.seq()) {
            broken(last + 1, "records " + (last + 1) + ".." + latest.seq() + " are missing: the signed checkpoint "
                    + "taken at " + latest.at() + " vouches for seq " + latest.seq() + " (the end of the chain was "
                    + "deleted and its head rewound, or an older backup was restored)");
        }
    }

    /** The latest checkpoint the records were checked against; null when there was none. */
    public Checkpoint latestCheckpoint() {
        return checkpoints.isEmpty() ? null : checkpoints.lastEntry().getValue().get(0);
    }

    /**
     * The chain differs from a signed checkpoint at its seq. Where a record before it is younger
     * than the checkpoint (both times are Governor's own, and signed), the chain was restored from
     * an older copy and continued from there: that record is named, and the good links end before it.
     */
    private boolean differs(ChainRecord r, Checkpoint cp) {
        String at = "the signed checkpoint of seq " + cp.seq() + " taken at " + cp.at();
        if (youngerSince == null) {
            return broken(r.seq(), "the record differs from " + at
                    + " (the chain was rewritten, or an older backup restored and continued)");
        }
        expectedSeq = youngerSince;
        expectedPrevHash = youngerPrevHash;
        return broken(youngerSince, "the chain diverges here from " + at + ": record " + youngerSince
                + " was written after that checkpoint, which vouches for seq " + cp.seq() + " with another hash"
                + " (an older backup was restored and continued from seq " + (youngerSince - 1) + ")");
    }

    private boolean broken(long seq, String why) {
        firstBroken = seq;
        reason = why;
        return false;
    }

    public boolean valid() {
        return firstBroken == null;
    }

    public long records() {
        return records;
    }

    public Long firstBroken() {
        return firstBroken;
    }

    public String reason() {
        return reason;
    }

    /** The hash of the last good record: what a checkpoint written now would hold. */
    public String lastHash() {
        return expectedPrevHash;
    }

    public long lastSeq() {
        return expectedSeq - 1;
    }
}
