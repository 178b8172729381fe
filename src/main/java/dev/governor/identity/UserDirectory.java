package dev.governor.identity;

import dev.governor.api.ApiException;
import dev.governor.api.PageRequest;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every person Governor knows, local users and seen identity-provider subjects alike: who they
 * are, whether they are still active, and the two ways to end that (disable, soft delete).
 */
@ApplicationScoped
public class UserDirectory {

    private final UserRepository users;
    private final OidcSubjectRepository subjects;
    private final OidcSubjects admitted;
    private final AuditTrail audit;
    private final Clock clock;
    private final Event<UserDeactivated> deactivated;

    UserDirectory(UserRepository users, OidcSubjectRepository subjects, OidcSubjects admitted, AuditTrail audit,
                  Clock clock, Event<UserDeactivated> deactivated) {
        this.users = users;
        this.subjects = subjects;
        this.admitted = admitted;
        this.audit = audit;
        this.clock = clock;
        this.deactivated = deactivated;
    }

    /** Sorted by name, local users and seen subjects together. */
    @Transactional
    public List<UserView> list(PageRequest page) {
        List<UserView> all = all();
        int from = (int) Math.min((long) page.page() * page.size(), all.size());
        return all.subList(from, Math.min(from + page.size(), all.size()));
    }

    @Transactional
    public long count() {
        return users.count() + subjects.count();
    }

    /** A user active under this exact name: a local user, or a subject the identity provider vouched for. */
    @Transactional
    public boolean isActive(String name) {
        return find(name).map(UserView::active).orElse(false);
    }

    @Transactional
    public Optional<UserView> find(String name) {
        if (name == null) return Optional.empty();
        UserEntity user = users.findById(name);
        if (user != null) return Optional.of(view(user));
        return Optional.ofNullable(subjects.findById(name)).map(UserDirectory::view);
    }

    /** The users among these names; a name with no user is absent from the answer. */
    @Transactional
    public Map<String, UserView> find(Collection<String> names) {
        Map<String, UserView> found = new LinkedHashMap<>();
        List<String> list = names.stream().distinct().toList();
        for (int i = 0; i < list.size(); i += 500) { // bounded IN lists
            List<String> chunk = list.subList(i, Math.min(i + 500, list.size()));
            subjects.list("name in ?1", chunk).forEach(s -> found.put(s.name, view(s)));
            users.list("name in ?1", chunk).forEach(u -> found.put(u.name, view(u)));
        }
        return found;
    }

    @Transactional
    public UserView disable(String name, String reason, String actor) {
        refuseSelf(name, actor, "disable");
        OffsetDateTime now = now();
        UserEntity user = users.findById(name, LockModeType.PESSIMISTIC_WRITE);
        UserView after;
        if (user != null) {
            refuseInactive(name, user.disabledAt, user.deletedAt);
            user.disabledAt = now;
            user.disabledBy = actor;
            user.disabledReason = reason.strip();
            after = view(user);
        } else {
            OidcSubjectEntity subject = subject(name);
            refuseInactive(name, subject.disabledAt, subject.deletedAt);
            subject.disabledAt = now;
            subject.disabledBy = actor;
            subject.disabledReason = reason.strip();
            after = view(subject);
        }
        return ended(AuditKind.USER_DISABLED, after, actor, reason.strip());
    }

    @Transactional
    public UserView delete(String name, String actor) {
        refuseSelf(name, actor, "delete");
        OffsetDateTime now = now();
        UserEntity user = users.findById(name, LockModeType.PESSIMISTIC_WRITE);
        UserView after;
        if (user != null) {
            if (user.deletedAt != null) throw ApiException.conflict("user '" + name + "' is already deleted");
            user.deletedAt = now;
            user.deletedBy = actor;
            after = view(user);
        } else {
            OidcSubjectEntity subject = subject(name);
            if (subject.deletedAt != null) throw ApiException.conflict("user '" + name + "' is already deleted");
            subject.deletedAt = now;
            subject.deletedBy = actor;
            after = view(subject);
        }
        return ended(AuditKind.USER_DELETED, after, actor, null);
    }

    private UserView ended(AuditKind kind, UserView after, String actor, String reason) {
        users.flush();
        admitted.forget(after.name());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", after.name());
        payload.put("source", after.source());
        payload.put("status", after.status().name());
        if (reason != null) payload.put("reason", reason);
        audit.append(new AuditEvent(kind, after.name(), actor, payload));
        deactivated.fire(new UserDeactivated(after.name(), after.status(), actor, reason));
        return after;
    }

    private OidcSubjectEntity subject(String name) {
        OidcSubjectEntity subject = subjects.findById(name, LockModeType.PESSIMISTIC_WRITE);
        if (subject == null) throw ApiException.notFound("User", name);
        return subject;
    }

    private static void refuseSelf(String name, String actor, String verb) {
        if (name.equalsIgnoreCase(actor)) {
            throw ApiException.conflict("you cannot " + verb + " yourself; another administrator must");
        }
    }

    private static void refuseInactive(String name, OffsetDateTime disabledAt, OffsetDateTime deletedAt) {
        if (deletedAt != null) throw ApiException.conflict("user '" + name + "' is deleted");
        if (disabledAt != null) throw ApiException.conflict("user '" + name + "' is already disabled");
    }

    private List<UserView> all() {
        List<UserView> all = new ArrayList<>();
        users.listAll().forEach(u -> all.add(view(u)));
        subjects.listAll().forEach(s -> all.add(view(s)));
        all.sort(Comparator.comparing(UserView::name).thenComparing(UserView::source));
        return all;
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static UserView view(UserEntity u) {
        return new UserView(u.name, roles(u.roles), UserView.LOCAL, status(u.disabledAt, u.deletedAt),
                instant(u.createdAt), u.createdBy, instant(u.disabledAt), u.disabledBy, u.disabledReason,
                instant(u.deletedAt), u.deletedBy);
    }

    private static UserView view(OidcSubjectEntity s) {
        return new UserView(s.name, roles(s.roles), UserView.OIDC, status(s.disabledAt, s.deletedAt),
                instant(s.firstSeenAt), null, instant(s.disabledAt), s.disabledBy, s.disabledReason,
                instant(s.deletedAt), s.deletedBy);
    }

    static UserStatus status(OffsetDateTime disabledAt, OffsetDateTime deletedAt) {
        return deletedAt != null ? UserStatus.DELETED : disabledAt != null ? UserStatus.DISABLED : UserStatus.ACTIVE;
    }

    private static List<String> roles(String roles) {
        return roles == null || roles.isEmpty() ? List.of() : Arrays.stream(roles.split(",")).sorted().toList();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
