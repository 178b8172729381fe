package dev.governor.audit;

import dev.governor.GovernorConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * Governor's Ed25519 key for the chain, kept outside the database in
 * {@code governor.audit.signing.key-dir}: {@code signing-key.pem} (private, PKCS#8) and
 * {@code signing-key.pub.pem} (public, X.509, for auditors). Generated there on the first start
 * when the directory holds none, and said so in the log. An insider with SQL access alone cannot
 * sign, so cannot add or rewrite records unseen.
 */
@Startup
@ApplicationScoped
public class AuditSigner {

    static final String PRIVATE = "signing-key.pem";
    static final String PUBLIC = "signing-key.pub.pem";
    private static final Logger LOG = Logger.getLogger(AuditSigner.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;
    private final Path dir;

    public AuditSigner(GovernorConfig config) {
        this.dir = Path.of(config.audit().signing().keyDir()).toAbsolutePath();
        try {
            KeyPair pair = Files.exists(dir.resolve(PRIVATE)) ? load() : generate();
            this.privateKey = pair.getPrivate();
            this.publicKey = pair.getPublic();
        } catch (IOException e) {
            throw new UncheckedIOException("governor.audit.signing.key-dir: " + e.getMessage(), e);
        }
        this.keyId = Signatures.keyId(publicKey);
    }

    private KeyPair load() throws IOException {
        PrivateKey key = Signatures.readPrivateKey(dir.resolve(PRIVATE));
        if (!Files.exists(dir.resolve(PUBLIC))) {
            throw new IOException(dir.resolve(PUBLIC) + " is missing (the public half of " + PRIVATE + ")");
        }
        PublicKey pub = Signatures.readPublicKey(dir.resolve(PUBLIC));
        byte[] probe = "governor key pair check".getBytes(StandardCharsets.UTF_8);
        if (!Signatures.verify(pub, probe, Signatures.sign(key, probe))) {
            throw new IOException(PUBLIC + " is not the public half of " + PRIVATE + " in " + dir);
        }
        return new KeyPair(pub, key);
    }

    private KeyPair generate() throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(Signatures.ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
        Files.createDirectories(dir);
        Path secret = dir.resolve(PRIVATE);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(secret, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(secret, Signatures.pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        Files.writeString(dir.resolve(PUBLIC), Signatures.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        LOG.warnf("Generated a new Ed25519 key for signing the audit chain in %s (no key was there). Back up %s "
                + "away from the database's backups, and give auditors %s.", dir, PRIVATE, PUBLIC);
        return pair;
    }

    public String sign(byte[] message) {
        return Signatures.sign(privateKey, message);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    public String publicKeyPem() {
        return Signatures.pem("PUBLIC KEY", publicKey.getEncoded());
    }
}
