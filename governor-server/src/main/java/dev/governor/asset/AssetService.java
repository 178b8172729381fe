package dev.governor.asset;

import dev.governor.api.ApiException;
import dev.governor.api.ControlChars;
import dev.governor.api.PageRequest;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import dev.governor.identity.Caller;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.Targets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AssetService {

    /** Most assets one target is matched with; a target that hits it is logged (the longest patterns are kept). */
    static final int MAX_MATCHES = 100;

    private static final Logger LOG = Logger.getLogger(AssetService.class);

    private final AssetRepository assets;
    private final AssetBindings bindings;
    private final AuditTrail audit;
    private final Clock clock;
    private final Caller caller;

    public AssetService(AssetRepository assets, AssetBindings bindings, AuditTrail audit, Clock clock, Caller caller) {
        this.assets = assets;
        this.bindings = bindings;
        this.audit = audit;
        this.clock = clock;
        this.caller = caller;
    }

    /**
     * The registered assets whose pattern matches {@code target}, for the decision hot path: one
     * read-only query. A null target matches nothing.
     */
    @Transactional
    public List<EvaluationInput.AssetFacts> matching(String target) {
        if (target == null) return List.of();
        // Matched as the policy's own register is: on the normalised target (lower case, dot
        // segments and escapes resolved), so spelling cannot hide a target from its asset.
        List<AssetEntity> found = assets.matching(Targets.normalise(target), MAX_MATCHES);
        if (found.size() == MAX_MATCHES) {
            LOG.warnf("Target %s matches %d registered assets or more; only the %d longest patterns are used",
                    ControlChars.printable(target), MAX_MATCHES, MAX_MATCHES);
        }
        return found.stream().map(AssetService::facts).toList();
    }

    @Transactional
    public Asset create(AssetRequest request) {
        check(request);
        if (!assets.liveByTarget(List.of(request.target())).isEmpty()) throw duplicate(request.target());
        AssetEntity asset = new AssetEntity();
        asset.id = UUID.randomUUID();
        asset.apply(request, now());
        asset.createdAt = asset.updatedAt;
        try {
            assets.persistAndFlush(asset);
        } catch (PersistenceException e) {
            throw duplicate(request.target()); // lost a race with a concurrent create of the same target
        }
        return audited(AuditKind.ASSET_CREATED, asset);
    }

    @Transactional
    public Asset get(String id) {
        return Asset.of(load(id));
    }

    @Transactional
    public List<Asset> list(AssetRepository.AssetFilter filter, PageRequest page) {
        return assets.page(filter, page.page(), page.size()).stream().map(Asset::of).toList();
    }

    @Transactional
    public long count(AssetRepository.AssetFilter filter) {
        return assets.count(filter);
    }

    @Transactional
    public Asset replace(String id, AssetRequest request) {
        check(request);
        AssetEntity asset = load(id);
        if (assets.liveByTarget(List.of(request.target())).stream().anyMatch(a -> !a.id.equals(asset.id))) {
            throw duplicate(request.target());
        }
        asset.apply(request, now());
        return audited(AuditKind.ASSET_UPDATED, saved(asset));
    }

    /** Unregisters the asset; its row stays, marked deleted, for the audit record that binds it. */
    @Transactional
    public void delete(String id) {
        AssetEntity asset = load(id);
        asset.deletedAt = now();
        asset.updatedAt = asset.deletedAt;
        asset.liveTarget = null;
        audited(AuditKind.ASSET_DELETED, saved(asset));
    }

    /** Text fields of an asset hold no control characters, line breaks included (JSON bodies may carry them). */
    static void check(AssetRequest request) {
        ControlChars.check("target", request.target(), false);
        ControlChars.check("ownerTeam", request.ownerTeam(), false);
    }

    static ApiException duplicate(String target) {
        return new ApiException(409, "Conflict", "An asset is already registered for target '"
                + ControlChars.printable(target) + "'", List.of(new ApiException.Violation("target", "is already registered")));
    }

    /** Flushes here, not at commit, so a concurrent edit or a taken target surfaces as 409. */
    private AssetEntity saved(AssetEntity asset) {
        try {
            assets.flush();
        } catch (OptimisticLockException e) {
            throw ApiException.conflict("Asset '" + asset.id + "' was changed concurrently; read it and retry");
        } catch (PersistenceException e) {
            throw duplicate(asset.target);
        }
        return asset;
    }

    /** Audits the asset as it is after the change, binding its row, with the caller as the actor. */
    private Asset audited(AuditKind kind, AssetEntity entity) {
        Asset asset = Asset.of(entity);
        audit.append(new AuditEvent(kind, entity.id.toString(), caller.name(), asset, List.of(bindings.of(entity))));
        return asset;
    }

    private AssetEntity load(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Asset", ControlChars.printable(id)); // not a UUID, so no asset has this id
        }
        return assets.live(uuid).orElseThrow(() -> ApiException.notFound("Asset", id));
    }

    private static EvaluationInput.AssetFacts facts(AssetEntity a) {
        return new EvaluationInput.AssetFacts(a.id.toString(), a.target, a.tier, a.dataClass.name(),
                a.criticality.name(), a.ownerTeam, a.records, a.users, Exposure.plain(a.monetaryValue),
                "/v1/assets/" + a.id);
    }

    // Databases keep microseconds; truncating keeps what we return equal to what we stored.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
