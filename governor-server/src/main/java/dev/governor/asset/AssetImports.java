package dev.governor.asset;

import dev.governor.api.ApiException;
import dev.governor.api.ControlChars;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import dev.governor.audit.Binding;
import dev.governor.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /v1/assets/import}: a CSV file of assets, all or nothing, in one transaction and
 * one audit record ({@code ASSETS_IMPORTED}) binding every asset it created or changed. Each row
 * is held to the same rules as a JSON body; a target twice in the file is refused, and so is one
 * already registered unless the mode is {@code upsert}.
 */
@ApplicationScoped
public class AssetImports {

    private final AssetRepository assets;
    private final AssetBindings bindings;
    private final AuditTrail audit;
    private final Validator validator;
    private final Clock clock;
    private final Caller caller;

    public AssetImports(AssetRepository assets, AssetBindings bindings, AuditTrail audit, Validator validator,
                        Clock clock, Caller caller) {
        this.assets = assets;
        this.bindings = bindings;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
        this.caller = caller;
    }

    @Transactional
    public ImportResult importCsv(byte[] body, String modeParameter) {
        ImportMode mode = ImportMode.of(modeParameter);
        List<AssetCsv.Row> rows = AssetCsv.read(body);
        Map<String, Integer> rowOf = new HashMap<>();
        for (AssetCsv.Row row : rows) {
            validate(row);
            Integer earlier = rowOf.putIfAbsent(row.asset().target(), row.number());
            if (earlier != null) {
                throw ApiException.invalid(AssetCsv.field(row.number(), "target"), "repeats the target of row " + earlier);
            }
        }
        Map<String, AssetEntity> existing = new HashMap<>();
        assets.liveByTarget(rowOf.keySet()).forEach(a -> existing.put(a.liveTarget, a));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<AssetEntity> saved = new ArrayList<>();
        int created = 0;
        for (AssetCsv.Row row : rows) {
            AssetEntity asset = existing.get(row.asset().target());
            if (asset != null && mode == ImportMode.CREATE) {
                String field = AssetCsv.field(row.number(), "target");
                throw new ApiException(409, "Conflict", field + ": '" + ControlChars.printable(row.asset().target())
                        + "' is already registered as asset " + asset.id + " (import with ?mode=upsert to replace it)",
                        List.of(new ApiException.Violation(field, "is already registered as asset " + asset.id)));
            }
            if (asset == null) {
                asset = new AssetEntity();
                asset.id = UUID.randomUUID();
                asset.createdAt = now;
                asset.apply(row.asset(), now);
                assets.persist(asset);
                created++;
            } else {
                asset.apply(row.asset(), now);
            }
            saved.add(asset);
        }
        flush();
        return audited(mode, created, saved);
    }

    /** The row against the JSON body's rules; a violation is named by its row and CSV column. */
    private void validate(AssetCsv.Row row) {
        var violations = validator.validate(row.asset());
        if (!violations.isEmpty()) {
            ConstraintViolation<AssetRequest> first = violations.stream()
                    .min(Comparator.comparing(v -> AssetCsv.COLUMNS.indexOf(column(v.getPropertyPath())))).orElseThrow();
            throw ApiException.invalid(AssetCsv.field(row.number(), column(first.getPropertyPath())), first.getMessage());
        }
        AssetService.check(row.asset());
    }

    /** The CSV column of a property: the exposure's figures are flat columns of their own. */
    private static String column(Path path) {
        String last = null;
        for (Path.Node node : path) last = node.getName();
        return last;
    }

    private void flush() {
        try {
            assets.flush();
        } catch (OptimisticLockException e) {
            throw ApiException.conflict("An asset of the file was changed concurrently; nothing was imported, retry");
        } catch (PersistenceException e) {
            throw ApiException.conflict("A target of the file was registered concurrently; nothing was imported, retry");
        }
    }

    private ImportResult audited(ImportMode mode, int created, List<AssetEntity> saved) {
        List<Asset> result = saved.stream().map(Asset::of).toList();
        List<Binding> binds = saved.stream().map(bindings::of).toList();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("mode", mode.name().toLowerCase());
        payload.put("created", created);
        payload.put("updated", saved.size() - created);
        payload.put("assets", result);
        String importId = UUID.randomUUID().toString();
        audit.append(new AuditEvent(AuditKind.ASSETS_IMPORTED, importId, caller.name(), payload, binds));
        return new ImportResult(mode.name().toLowerCase(), created, saved.size() - created, result);
    }
}
