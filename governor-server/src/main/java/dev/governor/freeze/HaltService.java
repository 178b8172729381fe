package dev.governor.freeze;

import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import dev.governor.api.ApiException;
import dev.governor.identity.Caller;
import dev.governor.policy.EvaluationInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The global halt: one call stops every mutation of every agent (DENY / GLOBAL_HALT, see
 * {@code rules/halt.drl}) until an administrator lifts it. Stored in the database, so it holds
 * across restarts and for every Governor instance sharing the database.
 */
@ApplicationScoped
public class HaltService {

    private final HaltRepository halts;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;

    public HaltService(HaltRepository halts, AuditTrail audit, Caller caller, Clock clock) {
        this.halts = halts;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /** Hot path: one primary-key read per decision. */
    @Transactional
    public Optional<EvaluationInput.HaltFacts> inForce() {
        HaltEntity halt = halts.findById(HaltEntity.ONLY_ROW);
        if (halt == null || !halt.active) return Optional.empty();
        return Optional.of(new EvaluationInput.HaltFacts(halt.reason, halt.changedBy, halt.changedAt.toInstant()));
    }

    @Transactional
    public Halt current() {
        return view(halts.findById(HaltEntity.ONLY_ROW));
    }

    @Transactional
    public Halt declare(String reason) {
        return change(true, reason);
    }

    @Transactional
    public Halt lift() {
        return change(false, null);
    }

    private Halt change(boolean active, String reason) {
        HaltEntity halt = halts.findById(HaltEntity.ONLY_ROW, LockModeType.PESSIMISTIC_WRITE);
        if (halt == null) {
            if (!active) throw ApiException.conflict("no global halt is in force");
            halt = new HaltEntity();
            halt.id = HaltEntity.ONLY_ROW;
        } else if (halt.active == active) {
            throw ApiException.conflict(active ? "a global halt is already in force since " + halt.changedAt
                    : "no global halt is in force");
        }
        halt.active = active;
        halt.reason = reason;
        halt.changedBy = caller.name();
        halt.changedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        halts.persist(halt);
        Halt view = view(halt);
        audit.append(new AuditEvent(AuditKind.GLOBAL_HALT_CHANGED, "global-halt", caller.name(), view));
        return view;
    }

    private static Halt view(HaltEntity halt) {
        return halt == null ? new Halt(false, null, null, null)
                : new Halt(halt.active, halt.reason, halt.changedBy, halt.changedAt);
    }
}
