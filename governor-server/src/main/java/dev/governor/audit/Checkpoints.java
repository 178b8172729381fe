package dev.governor.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.GovernorConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Signed checkpoints, written to {@code governor.audit.checkpoints.dir} (outside the database:
 * archive that directory elsewhere) and to {@code audit_checkpoints}. Read back from both; only
 * checkpoints signed by Governor's key count, so a row or file added by hand proves nothing.
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class);

    private final Path dir;
    private final AuditSigner signer;
    private final AgroalDataSource db;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Checkpoints(GovernorConfig config, AuditSigner signer, AgroalDataSource db, ObjectMapper mapper,
                       Clock clock) {
        this.dir = Path.of(config.audit().checkpoints().dir()).toAbsolutePath();
        this.signer = signer;
        this.db = db;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Path directory() {
        return dir;
    }

    /** Signs that record {@code seq} has {@code hash}; the file is written first, atomically, then the row. */
    public Checkpoint write(long seq, String hash) {
        String at = ChainHash.formatAt(clock.instant().truncatedTo(ChronoUnit.MICROS));
        Checkpoint unsigned = new Checkpoint(seq, hash, at, signer.keyId(), "");
        Checkpoint cp = new Checkpoint(seq, hash, at, signer.keyId(), signer.sign(unsigned.statement()));
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".checkpoint-", ".tmp");
            Files.writeString(tmp, cp.toJson() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(cp.fileName()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit checkpoint to " + dir, e);
        }
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_checkpoints (seq, hash, at, key_id, signature) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, cp.seq());
            ps.setString(2, cp.hash());
            ps.setString(3, cp.at());
            ps.setString(4, cp.keyId());
            ps.setString(5, cp.signature());
            ps.executeUpdate();
        } catch (SQLException e) {
            // The file is the copy that counts; another instance may already have this seq.
            LOG.warnf("Audit checkpoint %d is in %s but not in audit_checkpoints: %s", seq, dir, e.getMessage());
        }
        return cp;
    }

    /** Every checkpoint signed by Governor's key, from the directory and the table, oldest first. */
    public List<Checkpoint> all() {
        List<Checkpoint> found = new ArrayList<>(fromDirectory());
        found.addAll(fromTable());
        return found.stream().filter(this::signed).distinct()
                .sorted(Comparator.comparingLong(Checkpoint::seq).thenComparing(Checkpoint::at)).toList();
    }

    /**
     * The newest checkpoint of the table that Governor's key signed, without reading every file and
     * row as {@link #all} does: what a report shows. Empty when none is signed yet.
     */
    public java.util.Optional<Checkpoint> latest() {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT seq, hash, at, key_id, signature FROM audit_checkpoints ORDER BY seq DESC")) {
            ps.setMaxRows(50);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Checkpoint cp = new Checkpoint(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5));
                    if (signed(cp)) return java.util.Optional.of(cp);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read audit_checkpoints", e);
        }
        return java.util.Optional.empty();
    }

    private boolean signed(Checkpoint cp) {
        if (cp.signedBy(signer.publicKey())) return true;
        LOG.warnf("Audit checkpoint for seq %d is not signed by this Governor's key %s; ignored", cp.seq(), signer.keyId());
        return false;
    }

    private List<Checkpoint> fromDirectory() {
        if (!Files.isDirectory(dir)) return List.of();
        List<Checkpoint> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("checkpoint-\\d+-[0-9a-f]+\\.json")).toList()) {
                try {
                    out.add(Checkpoint.of(mapper.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {
                    })));
                } catch (IOException | IllegalArgumentException e) {
                    LOG.warnf("%s is not a checkpoint; ignored: %s", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoints in " + dir, e);
        }
        return out;
    }

    private List<Checkpoint> fromTable() {
        List<Checkpoint> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT seq, hash, at, key_id, signature FROM audit_checkpoints ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Checkpoint(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read audit_checkpoints", e);
        }
        return out;
    }
}
