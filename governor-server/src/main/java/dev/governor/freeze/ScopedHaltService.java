package dev.governor.freeze;

import dev.governor.api.ApiException;
import dev.governor.api.PageRequest;
import dev.governor.api.Patterns;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import dev.governor.identity.Caller;
import dev.governor.policy.EnvironmentTier;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.Reversibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Halts narrower than the global one: one environment or tier, one owner's agents, one action
 * type or class, one agent or one session (DENY / SCOPED_HALT for the mutations they cover, see
 * {@code rules/halt.drl}). In the database, so they hold across restarts and instances; every
 * declaration and lifting is in the audit chain.
 */
@ApplicationScoped
public class ScopedHaltService {

    private final ScopedHaltRepository halts;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;
    private final HaltNotices notices;

    public ScopedHaltService(ScopedHaltRepository halts, AuditTrail audit, Caller caller, Clock clock,
                             HaltNotices notices) {
        this.halts = halts;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
        this.notices = notices;
    }

    /**
     * The halts in force that may cover a request of this agent: all those scoped to what the
     * policy classifies (environment, tier, action type, class) and those naming the agent, its
     * owner or the session. Few rows: a halt is an incident measure.
     */
    @Transactional
    public List<EvaluationInput.ScopedHaltFacts> inForce(String agentId, Supplier<String> owner, String sessionId,
                                                         Instant now) {
        return halts.activeAt(now).stream().filter(h -> switch (h.scope) {
            case AGENT -> h.value.equals(agentId);
            case OWNER -> h.value.equalsIgnoreCase(java.util.Objects.toString(owner.get(), ""));
            case SESSION -> h.value.equals(sessionId);
            default -> true;
        }).map(h -> new EvaluationInput.ScopedHaltFacts(h.id, h.scope.name(), h.value, h.reason, h.createdBy, h.endsAt))
                .toList();
    }

    @Transactional
    public ScopedHalt declare(ScopedHaltRequest request) {
        Instant now = now();
        if (request.until() != null && !request.until().toInstant().isAfter(now)) {
            throw ApiException.invalid("until", "must be in the future");
        }
        var scope = HaltScope.of(request.scope());
        ScopedHaltEntity halt = new ScopedHaltEntity();
        halt.id = UUID.randomUUID();
        halt.scope = scope.getKey();
        halt.value = normalised(scope.getKey(), scope.getValue().strip());
        halt.reason = request.reason();
        halt.createdBy = caller.name();
        halt.createdAt = now;
        halt.endsAt = request.until() == null ? null : request.until().toInstant().truncatedTo(ChronoUnit.MICROS);
        halts.persist(halt);
        ScopedHalt declared = audited(AuditKind.SCOPED_HALT_DECLARED, ScopedHalt.of(halt, now));
        notices.declared(declared);
        return declared;
    }

    @Transactional
    public ScopedHalt lift(String id) {
        ScopedHaltEntity halt = halts.findById(uuid(id), LockModeType.PESSIMISTIC_WRITE);
        if (halt == null) throw ApiException.notFound("halt", id);
        Instant now = now();
        if (!halt.activeAt(now)) throw ApiException.conflict("halt " + id + " is no longer in force");
        halt.liftedAt = now;
        halt.liftedBy = caller.name();
        ScopedHalt lifted = audited(AuditKind.SCOPED_HALT_LIFTED, ScopedHalt.of(halt, now));
        notices.lifted(lifted);
        return lifted;
    }

    @Transactional
    public ScopedHalt get(String id) {
        ScopedHaltEntity halt = halts.findById(uuid(id));
        if (halt == null) throw ApiException.notFound("halt", id);
        return ScopedHalt.of(halt, now());
    }

    @Transactional
    public List<ScopedHalt> list(boolean activeOnly, PageRequest page) {
        Instant now = now();
        return halts.all(activeOnly, now, page.page(), page.size()).stream().map(h -> ScopedHalt.of(h, now)).toList();
    }

    @Transactional
    public long countInForce() {
        return halts.countActiveAt(now());
    }

    /** A value the scope can never match is refused, so a halt that looks in force always is. */
    private static String normalised(HaltScope scope, String value) {
        return switch (scope) {
            case ENVIRONMENT_TIER -> oneOf(scope, value, EnvironmentTier.values());
            case ACTION_CLASS -> oneOf(scope, value, Reversibility.values());
            case ENVIRONMENT -> require(scope, value.toLowerCase(Locale.ROOT), Patterns.ENVIRONMENT, Patterns.ENVIRONMENT_MESSAGE);
            case ACTION_TYPE -> require(scope, value, Patterns.ACTION_TYPE, Patterns.ACTION_TYPE_MESSAGE);
            case AGENT -> require(scope, value, Patterns.AGENT_ID, Patterns.AGENT_ID_MESSAGE);
            case OWNER, SESSION -> require(scope, value, "^[^\\p{Cntrl}]+$", "must be at most 320 characters, without control characters");
        };
    }

    private static String oneOf(HaltScope scope, String value, Enum<?>[] allowed) {
        String upper = value.toUpperCase(Locale.ROOT);
        if (Arrays.stream(allowed).noneMatch(e -> e.name().equals(upper))) {
            throw ApiException.invalid("scope." + scope.key, "must be one of " + Arrays.toString(allowed));
        }
        return upper;
    }

    private static String require(HaltScope scope, String value, String regex, String message) {
        if (value.length() > 320 || !value.matches(regex)) throw ApiException.invalid("scope." + scope.key, message);
        return value;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.notFound("halt", id);
        }
    }

    private ScopedHalt audited(AuditKind kind, ScopedHalt halt) {
        audit.append(new AuditEvent(kind, halt.id().toString(), caller.name(), halt));
        return halt;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
