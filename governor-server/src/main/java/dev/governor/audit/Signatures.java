package dev.governor.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 as the chain uses it, JDK only so the offline verifier shares it: what is signed for a
 * record ({@link #record}) and for a checkpoint ({@link Checkpoint#statement()}), and keys as PEM
 * files (PKCS#8 private, X.509 public, as {@code openssl pkey} reads and writes them).
 */
public final class Signatures {

    public static final String ALGORITHM = "Ed25519";

    private Signatures() {
    }

    /** What a record's signature covers: its hash, which covers every record before it. */
    public static byte[] record(String hash) {
        return ("governor-audit-record/1\n" + hash).getBytes(StandardCharsets.UTF_8);
    }

    public static String sign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(message);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** False for a signature that is malformed or does not match; never throws on bad input. */
    public static boolean verify(PublicKey key, byte[] message, String signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(message);
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A short, stable name for a public key: the first 16 hex digits of the SHA-256 of its encoding. */
    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static PublicKey readPublicKey(Path pem) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IOException(pem + " is not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    public static PrivateKey readPrivateKey(Path pem) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IOException(pem + " is not an Ed25519 private key: " + e.getMessage(), e);
        }
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(Path pem, String type) throws IOException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN " + type + "-----");
        int end = text.indexOf("-----END " + type + "-----");
        if (begin < 0 || end < begin) throw new IOException(pem + " holds no PEM block '" + type + "'");
        try {
            return Base64.getMimeDecoder().decode(text.substring(begin + type.length() + 16, end));
        } catch (IllegalArgumentException e) {
            throw new IOException(pem + " is not valid PEM: " + e.getMessage(), e);
        }
    }
}
