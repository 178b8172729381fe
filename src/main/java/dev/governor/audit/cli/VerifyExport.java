package dev.governor.audit.cli;

import dev.governor.audit.ChainCheck;
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
 * Verifies an audit-log export ({@code GET /v1/audit/log?format=ndjson}) without the service:
 * <pre>
 * java -cp target/classes dev.governor.audit.cli.VerifyExport audit-log.ndjson \
 *      [--public-key signing-key.pub.pem [--checkpoint checkpoint-....json]]
 *      [--from-seq N --expected-prev-hash HEX] [--expected-head-hash HEX]
 * </pre>
 * Reads the file line by line in constant memory; {@code -} reads standard input. With Governor's
 * public key every signed record's signature is checked too; with a checkpoint file (signed by
 * that key) the export must reach the checkpoint's seq with the checkpoint's hash. Exit status
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
        try (BufferedReader in = args[0].equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (!check.accept(record(line, lineNo))) {
                    break;
                }
            }
        }
        check.checkCheckpoints();
        if (headHash != null && check.valid() && !headHash.equals(check.lastHash())) {
            System.out.println("BROKEN after seq " + check.lastSeq() + ": the last record's hash is not the expected "
                    + "head hash (records at the end are missing)");
            return 1;
        }
        if (check.valid()) {
            System.out.println("VALID: " + check.records() + " records, last seq " + check.lastSeq() + ", last hash "
                    + check.lastHash() + (key == null ? "" : ", signatures checked")
                    + (checkpoints.isEmpty() ? "" : ", checkpoint seq " + checkpoints.get(0).seq() + " matched"));
            return 0;
        }
        System.out.println("BROKEN at seq " + check.firstBroken() + ": " + check.reason());
        return 1;
    }

    private static Checkpoint checkpoint(Path file) throws IOException {
        try {
            return Checkpoint.of(FlatJson.parse(Files.readString(file, StandardCharsets.UTF_8).strip()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a checkpoint file: " + e.getMessage());
        }
    }

    private static ChainRecord record(String line, int lineNo) {
        try {
            Map<String, Object> f = FlatJson.parse(line);
            return new ChainRecord((Long) f.get("seq"), (String) f.get("kind"), (String) f.get("subjectId"),
                    (String) f.get("actor"), (String) f.get("at"), (String) f.get("payload"),
                    (String) f.get("prevHash"), (String) f.get("hash"), (String) f.get("sig"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("line " + lineNo + " is not an audit record: " + e.getMessage());
        }
    }
}
