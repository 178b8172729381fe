package dev.governor.audit.cli;

import dev.governor.audit.ChainCheck;
import dev.governor.audit.ChainHash;
import dev.governor.audit.ChainRecord;
import dev.governor.audit.Checkpoint;
import dev.governor.audit.Signatures;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;

/**
 * Verifies an audit-log export ({@code GET /v1/audit/log?format=ndjson}), or a bundle
 * ({@code GET /v1/audit/bundle}: the chain with every row it binds), without the service:
 * <pre>
 * java -cp target/classes dev.governor.audit.cli.VerifyExport audit-log.ndjson \
 *      [--public-key signing-key.pub.pem [--checkpoint checkpoint-....json]]
 *      [--from-seq N --expected-prev-hash HEX] [--expected-head-hash HEX]
 * </pre>
 * Reads the file line by line, in constant memory for a log (a bundle keeps a hash per row);
 * {@code -} reads standard input. With Governor's public key every signed record's signature is checked too; with a checkpoint file (signed by
 * that key) the export must reach the checkpoint's seq with the checkpoint's hash. Given a bundle,
 * each bound row's hash is recomputed from its canonical form and rows no record binds are
 * reported ({@link BundleRows}). Exit status
 * 0 when the chain is intact, 1 when it is broken (the first broken seq and why are printed),
 * 2 when the file or the arguments cannot be used.
 */
public final class VerifyExport {

    private VerifyExport() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: VerifyExport <file.ndjson|-> [--public-key PEM [--checkpoint FILE]] "
                    + "[--from-seq N --expected-prev-hash HEX] [--expected-head-hash HEX]");
            System.exit(2);
        }
    }

    static int run(String[] args) throws IOException {
        if (args.length == 0 || args.length % 2 == 0) {
            throw new IllegalArgumentException("expected a file and option pairs");
        }
        long fromSeq = 1;
        String prevHash = null;
        String headHash = null;
        PublicKey key = null;
        Path checkpointFile = null;
        for (int a = 1; a < args.length; a += 2) {
            switch (args[a]) {
                case "--from-seq" -> fromSeq = Long.parseLong(args[a + 1]);
                case "--expected-prev-hash" -> prevHash = args[a + 1];
                case "--expected-head-hash" -> headHash = args[a + 1];
                case "--public-key" -> key = Signatures.readPublicKey(Path.of(args[a + 1]));
                case "--checkpoint" -> checkpointFile = Path.of(args[a + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[a]);
            }
        }
        List<Checkpoint> checkpoints = List.of();
        if (checkpointFile != null) {
            if (key == null) throw new IllegalArgumentException("--checkpoint needs --public-key to check its signature");
            Checkpoint cp = checkpoint(checkpointFile);
            if (!cp.signedBy(key)) {
                throw new IllegalArgumentException(checkpointFile + " is not signed by the key given with --public-key");
            }
            checkpoints = List.of(cp);
        }
        ChainCheck check = new ChainCheck(fromSeq, prevHash, key, checkpoints);
        BundleRows bundle = null;
        try (BufferedReader in = args[0].equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            boolean records = false;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> f = parse(line, lineNo);
                if (f.containsKey("bundle")) {
                    if (lineNo != 1 || !ChainHash.BUNDLE.equals(f.get("bundle")) || !(f.get("rowsAsOf") instanceof Long asOf)) {
                        throw new IllegalArgumentException("line " + lineNo + " is not the header of a " + ChainHash.BUNDLE);
                    }
                    if (fromSeq != 1) throw new IllegalArgumentException("a bundle holds the whole chain; drop --from-seq");
                    bundle = new BundleRows(asOf);
                } else if (f.containsKey("row")) {
                    if (bundle == null || records) {
                        throw new IllegalArgumentException("line " + lineNo + ": rows belong after a bundle's header, "
                                + "before its records");
                    }
                    rowOf(bundle, f, lineNo);
                } else {
                    records = true;
                    ChainRecord r = record(f, lineNo);
                    if (!check.accept(r)) {
                        break;
                    }
                    if (bundle != null) bundle.accept(r);
                }
            }
        }
        check.checkCheckpoints();
        if (bundle != null) bundle.finish();
        Long bindsBroken = bundle == null ? null : bundle.first().seq();
        if (bindsBroken != null && (check.valid() || bindsBroken < check.firstBroken())) {
            System.out.println("BROKEN at seq " + bindsBroken + ": " + bundle.first().reason());
            return 1;
        }
        if (!check.valid()) {
            System.out.println("BROKEN at seq " + check.firstBroken() + ": " + check.reason());
            return 1;
        }
        if (headHash != null && !headHash.equals(check.lastHash())) {
            System.out.println("BROKEN after seq " + check.lastSeq() + ": the last record's hash is not the expected "
                    + "head hash (records at the end are missing)");
            return 1;
        }
        if (bundle != null && bundle.unbound() != null) {
            System.out.println("BROKEN: " + bundle.unbound());
            return 1;
        }
        System.out.println("VALID: " + check.records() + " records, last seq " + check.lastSeq() + ", last hash "
                + check.lastHash() + (key == null ? "" : ", signatures checked")
                + (checkpoints.isEmpty() ? "" : ", checkpoint seq " + checkpoints.get(0).seq() + " matched")
                + (bundle == null ? "" : ", " + bundle.rows() + " bound rows recomputed"));
        return 0;
    }

    private static Checkpoint checkpoint(Path file) throws IOException {
        try {
            return Checkpoint.of(FlatJson.parse(Files.readString(file, StandardCharsets.UTF_8).strip()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a checkpoint file: " + e.getMessage());
        }
    }

    private static Map<String, Object> parse(String line, int lineNo) {
        try {
            return FlatJson.parse(line);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("line " + lineNo + " is not JSON: " + e.getMessage());
        }
    }

    private static void rowOf(BundleRows bundle, Map<String, Object> f, int lineNo) {
        try {
            bundle.row(f);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("line " + lineNo + " is not a bound row: " + e.getMessage());
        }
    }

    private static ChainRecord record(Map<String, Object> f, int lineNo) {
        try {
            return new ChainRecord((Long) f.get("seq"), (String) f.get("kind"), (String) f.get("subjectId"),
                    (String) f.get("actor"), (String) f.get("at"), (String) f.get("payload"),
                    (String) f.get("prevHash"), (String) f.get("hash"), (String) f.get("sig"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("line " + lineNo + " is not an audit record: " + e.getMessage());
        }
    }
}
