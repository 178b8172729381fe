package dev.governor.identity;

import dev.governor.GovernorConfig;
import dev.governor.api.ApiException;
import dev.governor.api.Roles;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Governor-local human users: a name, roles, and the hash of a bearer token. */
@ApplicationScoped
public class Users {

    /** The principal of an agent key's identity is this prefix and the agent id. */
    public static final String AGENT_PREFIX = "agent:";

    private final UserRepository users;
    private final AuditTrail audit;
    private final Clock clock;
    private final String bootstrapAdmin;

    public Users(UserRepository users, AuditTrail audit, Clock clock, GovernorConfig config) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.bootstrapAdmin = config.auth().bootstrapAdminName();
    }

    /**
     * Refuses the names the audit log uses for Governor itself and for agents, and the bootstrap
     * administrator's, in any letter case, so that no person's actions can pass for theirs.
     */
    public void refuseReserved(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals(AuditEvent.SYSTEM) || lower.startsWith(AGENT_PREFIX)) {
            throw ApiException.invalid("name", "is reserved: '" + AuditEvent.SYSTEM + "' and names starting '"
                    + AGENT_PREFIX + "' stand for Governor and its agents in the audit log");
        }
        if (lower.equals(bootstrapAdmin.toLowerCase(Locale.ROOT))) {
            throw ApiException.invalid("name", "is reserved for the bootstrap administrator");
        }
    }

    public record User(String name, Set<String> roles) {
    }

    /**
     * Adds a user; returns its token, the only time it is visible. {@code token} null generates
     * one; a given token must carry the {@code gvu_} prefix and 32 characters after it.
     */
    @Transactional
    public String create(String name, Set<String> roles, String token, String actor) {
        if (users.findById(name) != null) throw ApiException.conflict("user '" + name + "' already exists");
        String secret = token != null ? token : Secrets.generate(Secrets.USER_TOKEN_PREFIX);
        UserEntity user = new UserEntity();
        user.name = name;
        user.roles = String.join(",", new TreeSet<>(roles));
        user.tokenHash = Secrets.hash(secret);
        user.tokenPrefix = Secrets.displayPrefix(secret);
        user.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        user.createdBy = actor;
        try {
            users.persistAndFlush(user);
        } catch (PersistenceException e) {
            throw ApiException.conflict("user '" + name + "' already exists");
        }
        audit.append(new AuditEvent(AuditKind.USER_CREATED, name, actor,
                Map.of("name", name, "roles", List.copyOf(new TreeSet<>(roles)), "tokenPrefix", user.tokenPrefix)));
        return secret;
    }

    /**
     * Gives an active administrator a new token and ends the old one: the way back in when the
     * bootstrap token is lost. Only reachable from the server's host ({@code admin reset-token}),
     * since whoever can run it there can read the database anyway; audited like any other change.
     */
    @Transactional
    public String resetAdminToken(String name, String actor, Map<String, Object> context) {
        UserEntity user = users.findById(name, LockModeType.PESSIMISTIC_WRITE);
        if (user == null || user.ending().status() != UserStatus.ACTIVE) {
            throw new IllegalArgumentException("'" + name + "' is not an active Governor-local user");
        }
        if (!Arrays.asList(user.roles.split(",")).contains(Roles.ADMIN)) {
            throw new IllegalArgumentException("'" + name + "' is not an administrator");
        }
        String secret = Secrets.generate(Secrets.USER_TOKEN_PREFIX);
        String oldPrefix = user.tokenPrefix;
        user.tokenHash = Secrets.hash(secret);
        user.tokenPrefix = Secrets.displayPrefix(secret);
        Map<String, Object> payload = new TreeMap<>(context);
        payload.putAll(Map.of("name", name, "tokenPrefix", user.tokenPrefix, "revokedTokenPrefix", oldPrefix));
        audit.append(new AuditEvent(AuditKind.USER_TOKEN_RESET, name, actor, payload));
        return secret;
    }

    @Transactional
    public boolean none() {
        return users.count() == 0;
    }

    @Transactional
    public Optional<User> byToken(String token) {
        return users.byTokenHash(Secrets.hash(token))
                .map(u -> new User(u.name, Set.copyOf(Arrays.asList(u.roles.split(",")))));
    }
}
