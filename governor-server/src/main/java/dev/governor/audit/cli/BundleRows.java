package dev.governor.audit.cli;

import dev.governor.audit.ChainRecord;
import dev.governor.audit.FirstBreak;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of a bundle ({@code GET /v1/audit/bundle}) against the records that bind them, offline:
 * the SHA-256 of each row's canonical form, as the bundle carries it, must be what its record
 * bound. The forms are written by the service with the same code that bound them, so this side
 * only hashes text. The rules are {@code verify}'s: a row bound once must match that record; a
 * row that changes must match its latest record up to {@code rowsAsOf} (the head when the rows
 * were read) or one after it; a bound row missing from the bundle was deleted; a row no record
 * binds was added outside Governor, and a row that never changes is bound exactly once.
 * Memory grows with the number of rows (one hash and a few numbers each).
 */
final class BundleRows {

    private final long asOf;
    private final Map<String, Row> rows = new TreeMap<>();
    private final Map<String, Long> missing = new HashMap<>();
    private final FirstBreak first = new FirstBreak();
    private String unbound;

    private static final class Row {
        final boolean changes;
        final String sha256;
        int bindings;
        long second;
        long lastBefore;
        boolean lastBeforeMatches;
        long lastAfter;
        boolean laterMatches;

        Row(boolean changes, String sha256) {
            this.changes = changes;
            this.sha256 = sha256;
        }
    }

    BundleRows(long asOf) {
        this.asOf = asOf;
    }

    void row(Map<String, Object> line) {
        String key = line.get("row") + " " + line.get("id");
        Object form = line.get("form");
        if (!(form instanceof String text) || !(line.get("changes") instanceof Boolean changes)) {
            throw new IllegalArgumentException("a row needs row, id, changes and form");
        }
        if (rows.put(key, new Row(changes, sha256(text))) != null) {
            throw new IllegalArgumentException(key + " appears twice");
        }
    }

    /** Takes note of the bindings of a record whose own hash, links and signature already verified. */
    void accept(ChainRecord r) {
        if (!r.payload().contains("\"binds\":")) return;
        Object binds;
        try {
            binds = FlatJson.parse(r.payload()).get("binds");
        } catch (RuntimeException e) {
            first.at(r.seq(), "the payload is not JSON");
            return;
        }
        if (!(binds instanceof List<?> list)) return;
        for (Object b : list) {
            if (!(b instanceof Map<?, ?> binding)) {
                first.at(r.seq(), "record " + r.seq() + " has a malformed binding");
                continue;
            }
            String key = binding.get("kind") + " " + binding.get("id");
            Row row = rows.get(key);
            if (row == null) {
                if (r.seq() <= asOf) missing.put(key, r.seq());
                continue;
            }
            boolean matches = row.sha256.equals(binding.get("sha256"));
            if (++row.bindings == 2) row.second = r.seq();
            if (r.seq() <= asOf) {
                row.lastBefore = r.seq();
                row.lastBeforeMatches = matches;
            } else {
                row.lastAfter = r.seq();
                row.laterMatches |= matches;
            }
        }
    }

    /** Call once every record is read. */
    void finish() {
        missing.forEach((key, seq) -> first.at(seq, FirstBreak.missing(key, seq)));
        rows.forEach((key, row) -> {
            if (row.bindings == 0) {
                if (unbound == null) unbound = key + " is bound by no audit record (it was added outside Governor)";
            } else if (!row.changes && row.bindings > 1) {
                first.at(row.second, key + " is bound by more than one record (record " + row.second + " again)");
            } else if (row.lastBefore > 0 ? !(row.lastBeforeMatches || row.laterMatches) : !row.laterMatches) {
                long seq = row.lastBefore > 0 ? row.lastBefore : row.lastAfter;
                first.at(seq, FirstBreak.differs(key, seq));
            }
        });
    }

    /** The earliest record whose bound rows fail; its seq is null while none does. */
    FirstBreak first() {
        return first;
    }

    /** The first row no record binds; null when every row is bound. */
    String unbound() {
        return unbound;
    }

    int rows() {
        return rows.size();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
