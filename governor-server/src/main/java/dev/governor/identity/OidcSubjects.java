package dev.governor.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Records each subject the identity provider authenticates, on its first request, so that they
 * count as a known user (an agent may name them as owner) and can be disabled like a local user.
 * Bounded cost: a subject found active is not looked up again for {@link #RECHECK_NANOS}; disabling
 * or deleting forgets it at once on this node (another node notices within that time).
 */
@ApplicationScoped
public class OidcSubjects {

    /** Technical, not policy: how stale another node's view of a disabled subject may be. */
    static final long RECHECK_NANOS = 30_000_000_000L;
    /** Past this many cached names the cache starts over, so it cannot grow without bound. */
    static final int MAX_CACHED = 10_000;

    private final UserRepository users;
    private final OidcSubjectRepository subjects;
    private final Clock clock;
    private final LongSupplier nanos = System::nanoTime;
    private final Map<String, Long> admitted = new ConcurrentHashMap<>();

    OidcSubjects(UserRepository users, OidcSubjectRepository subjects, Clock clock) {
        this.users = users;
        this.subjects = subjects;
        this.clock = clock;
    }

    /** Whether the cached answer is fresh: no database work at all on the hot path. */
    boolean recentlyAdmitted(String name) {
        Long at = admitted.get(name);
        return at != null && nanos.getAsLong() - at < RECHECK_NANOS;
    }

    /**
     * Records the subject if Governor has not seen it, and says whether it may act: false once
     * it (or a local user of the same name) has been disabled or deleted.
     */
    @Transactional
    public boolean admit(String name, Set<String> roles) {
        if (recentlyAdmitted(name)) return true;
        boolean active;
        UserEntity local = users.findById(name);
        if (local != null) {
            active = local.ending().status() == UserStatus.ACTIVE;
        } else {
            // Two first requests at once: the second insert does nothing rather than fail.
            subjects.getEntityManager().createNativeQuery(
                            "INSERT INTO oidc_subjects (name, roles, first_seen_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                    .setParameter(1, name)
                    .setParameter(2, truncated(String.join(",", new TreeSet<>(roles))))
                    .setParameter(3, clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                    .executeUpdate();
            OidcSubjectEntity subject = subjects.findById(name);
            active = subject != null && subject.ending().status() == UserStatus.ACTIVE;
        }
        if (active) {
            if (admitted.size() >= MAX_CACHED) admitted.clear();
            admitted.put(name, nanos.getAsLong());
        } else {
            admitted.remove(name);
        }
        return active;
    }

    void forget(String name) {
        admitted.remove(name);
    }

    private static String truncated(String roles) {
        return roles.length() <= 2000 ? roles : roles.substring(0, roles.lastIndexOf(',', 2000) < 0 ? 2000 : roles.lastIndexOf(',', 2000));
    }
}
