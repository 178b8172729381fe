package dev.governor.audit;

import java.security.PublicKey;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A signed statement that the chain's record {@code seq} had hash {@code hash} at {@code at}:
 * kept outside the database (a file per checkpoint; also a row of {@code audit_checkpoints}), it
 * shows later whether the chain was cut back, rewritten or restored from an older backup.
 * The signature is Ed25519 over {@link #statement()}. JDK only, for the offline verifier.
 */
public record Checkpoint(long seq, String hash, String at, String keyId, String signature) {

    public byte[] statement() {
        return ("governor-checkpoint/1\n" + seq + "\n" + hash + "\n" + at + "\n" + keyId)
                .getBytes(StandardCharsets.UTF_8);
    }

    public boolean signedBy(PublicKey key) {
        return keyId.equals(Signatures.keyId(key)) && Signatures.verify(key, statement(), signature);
    }

    /** The one-line JSON of a checkpoint file. */
    public String toJson() {
        return "{\"seq\":" + seq + ",\"hash\":\"" + hash + "\",\"at\":\"" + at + "\",\"keyId\":\"" + keyId
                + "\",\"signature\":\"" + signature + "\"}";
    }

    /** From a parsed checkpoint file; a missing or mistyped field is an IllegalArgumentException. */
    public static Checkpoint of(Map<String, ?> f) {
        try {
            return new Checkpoint(((Number) f.get("seq")).longValue(), text(f, "hash"), text(f, "at"),
                    text(f, "keyId"), text(f, "signature"));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a checkpoint: needs seq, hash, at, keyId and signature");
        }
    }

    private static String text(Map<String, ?> f, String name) {
        Object v = f.get(name);
        if (!(v instanceof String s)) throw new IllegalArgumentException("not a checkpoint: no " + name);
        return s;
    }

    /** The name of its file: sorts by seq; two checkpoints of one seq (a chain restored and continued) both stay. */
    public String fileName() {
        return String.format("checkpoint-%019d-%s.json", seq, hash.substring(0, 12));
    }
}
