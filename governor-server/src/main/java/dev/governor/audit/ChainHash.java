package dev.governor.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash that links one audit record to the one before it. JDK only, so the command-line
 * verifier can use it without the service.
 *
 * <pre>
 * hash = hex(SHA-256( f("governor-audit/1") f(prevHash) f(seq) f(kind) f(subjectId) f(actor) f(at) f(payload) ))
 * f(s) = 4-byte big-endian length of UTF-8(s), then UTF-8(s)
 * seq  = decimal digits; at = yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z' (UTC, always six fraction digits)
 * prevHash of the first record = 64 zeros; hashes are lowercase hex
 * </pre>
 * Length prefixes make the encoding unambiguous: no two different records encode alike, which
 * plain concatenation ({@code "ab"+"c"} vs {@code "a"+"bc"}) cannot promise.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);
    /** The first line of a bundle export (the chain with the rows it binds) names this format. */
    public static final String BUNDLE = "governor-audit-bundle/1";
    private static final String DOMAIN = "governor-audit/1";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ChainHash() {
    }

    public static String of(String prevHash, long seq, String kind, String subjectId, String actor, String at,
                            String payload) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {DOMAIN, prevHash, Long.toString(seq), kind, subjectId, actor, at, payload}) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String of(ChainRecord r) {
        return of(r.prevHash(), r.seq(), r.kind(), r.subjectId(), r.actor(), r.at(), r.payload());
    }

    /** The one text form of a record's time that goes into its hash and its export. */
    public static String formatAt(Instant at) {
        return AT.format(at);
    }
}
