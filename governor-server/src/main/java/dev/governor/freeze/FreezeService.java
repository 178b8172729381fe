package dev.governor.freeze;

import dev.governor.api.ApiException;
import dev.governor.api.PageRequest;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import dev.governor.identity.Caller;
import dev.governor.policy.EvaluationInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FreezeService {

    private final FreezeRepository freezes;
    private final AuditTrail audit;
    private final Clock clock;
    private final Caller caller;

    public FreezeService(FreezeRepository freezes, AuditTrail audit, Clock clock, Caller caller) {
        this.caller = caller;
        this.freezes = freezes;
        this.audit = audit;
        this.clock = clock;
    }

    /** Freezes in force at {@code now} in any environment (not lifted, from <= now < until). */
    @Transactional
    public List<EvaluationInput.FreezeFacts> activeAt(Instant now) {
        return freezes.activeAt(now).stream().map(FreezeService::facts).toList();
    }

    /** Freezes in force at {@code now} that cover {@code environment}, including {@code *} ones. */
    @Transactional
    public List<EvaluationInput.FreezeFacts> activeAt(Instant now, String environment) {
        return freezes.activeAt(now, environment).stream().map(FreezeService::facts).toList();
    }

    @Transactional
    public Freeze create(FreezeRequest request) {
        Instant now = now();
        Instant from = request.from() == null ? now : micros(request.from());
        Instant until = micros(request.until());
        if (!until.isAfter(from)) {
            throw ApiException.invalid("until", "must be after from");
        }
        if (!until.isAfter(now)) {
            throw ApiException.invalid("until", "must be in the future; a freeze that has already ended protects nothing");
        }
        FreezeEntity freeze = new FreezeEntity();
        freeze.id = UUID.randomUUID();
        freeze.environment = request.environment();
        freeze.startsAt = from;
        freeze.endsAt = until;
        freeze.reason = request.reason().trim();
        freeze.createdAt = now;
        freezes.persist(freeze);
        return audited(AuditKind.FREEZE_CREATED, Freeze.of(freeze, now));
    }

    @Transactional
    public Freeze get(String id) {
        return Freeze.of(load(id), now());
    }

    @Transactional
    public List<Freeze> list(FreezeRepository.FreezeFilter filter, PageRequest page) {
        Instant now = now();
        return freezes.page(filter, now, page.page(), page.size()).stream().map(f -> Freeze.of(f, now)).toList();
    }

    @Transactional
    public long count(FreezeRepository.FreezeFilter filter) {
        return freezes.count(filter, now());
    }

    /** Ends a freeze early; a freeze already lifted or already over cannot be lifted again. */
    @Transactional
    public Freeze lift(String id) {
        FreezeEntity freeze = load(id);
        Instant now = now();
        if (freeze.liftedAt != null) {
            throw ApiException.conflict("Freeze '" + id + "' was already lifted at " + freeze.liftedAt);
        }
        if (!freeze.endsAt.isAfter(now)) {
            throw ApiException.conflict("Freeze '" + id + "' already ended at " + freeze.endsAt);
        }
        // Conditional update: of two concurrent lifts exactly one wins, the other gets 409.
        if (freezes.update("liftedAt = ?1 where id = ?2 and liftedAt is null", now, freeze.id) == 0) {
            throw ApiException.conflict("Freeze '" + id + "' was already lifted");
        }
        freezes.getEntityManager().refresh(freeze);
        return audited(AuditKind.FREEZE_LIFTED, Freeze.of(freeze, now));
    }

    /** Audits the freeze as it is after the change, with the authenticated caller as the actor. */
    private Freeze audited(AuditKind kind, Freeze freeze) {
        audit.append(new AuditEvent(kind, freeze.id().toString(), caller.name(), freeze));
        return freeze;
    }

    private FreezeEntity load(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Freeze", id); // not a UUID, so no freeze has this id
        }
        FreezeEntity freeze = freezes.findById(uuid);
        if (freeze == null) {
            throw ApiException.notFound("Freeze", id);
        }
        return freeze;
    }

    private static EvaluationInput.FreezeFacts facts(FreezeEntity f) {
        return new EvaluationInput.FreezeFacts(f.id.toString(), f.environment, f.startsAt, f.endsAt, f.reason);
    }

    // Databases keep microseconds; truncating keeps what we return equal to what we stored.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant micros(OffsetDateTime time) {
        return time.toInstant().truncatedTo(ChronoUnit.MICROS);
    }
}
