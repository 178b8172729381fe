package dev.governor.audit;

/**
 * The earliest record found broken while bound rows are checked, out of seq order (rows are
 * looked up in batches), and the words both verifiers use for it. JDK only: the command-line
 * verifier uses it too, so online and offline name the same record the same way.
 */
public final class FirstBreak {

    private Long seq;
    private String reason;

    /** Keeps {@code why} if {@code at} is earlier than the break known so far. */
    public void at(long at, String why) {
        if (seq == null || at < seq) {
            seq = at;
            reason = why;
        }
    }

    public Long seq() {
        return seq;
    }

    public String reason() {
        return reason;
    }

    /** {@code row} (kind and id) bound by record {@code seq} is no longer stored. */
    public static String missing(String row, long seq) {
        return row + " bound by record " + seq + " is missing from its table (deleted after it was recorded)";
    }

    /** {@code row} (kind and id) is stored otherwise than record {@code seq} bound it. */
    public static String differs(String row, long seq) {
        return row + " differs from what record " + seq + " bound (its stored rows were changed after it was recorded)";
    }
}
