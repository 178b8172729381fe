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
        Ending ending = locked(name);
        if (ending.deletedAt != null) throw ApiException.conflict("user '" + name + "' is deleted");
        if (ending.disabledAt != null) throw ApiException.conflict("user '" + name + "' is already disabled");
        ending.disabledAt = now();
        ending.disabledBy = actor;
        ending.disabledReason = reason.strip();
        return ended(AuditKind.USER_DISABLED, name, actor, reason.strip());
    }

    @Transactional
    public UserView delete(String name, String actor) {
        refuseSelf(name, actor, "delete");
        Ending ending = locked(name);
        if (ending.deletedAt != null) throw ApiException.conflict("user '" + name + "' is already deleted");
        ending.deletedAt = now();
        ending.deletedBy = actor;
        return ended(AuditKind.USER_DELETED, name, actor, null);
    }

    private UserView ended(AuditKind kind, String name, String actor, String reason) {
        users.flush();
        UserView after = find(name).orElseThrow();
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

    /** The ending of the local user of this name, else of the OIDC subject; row locked. 404 when neither. */
    private Ending locked(String name) {
        UserEntity user = users.findById(name, LockModeType.PESSIMISTIC_WRITE);
        if (user != null) return user.endingToChange();
        OidcSubjectEntity subject = subjects.findById(name, LockModeType.PESSIMISTIC_WRITE);
        if (subject == null) throw ApiException.notFound("User", name);
        return subject.endingToChange();
    }

    private static void refuseSelf(String name, String actor, String verb) {
        if (name.equalsIgnoreCase(actor)) {
            throw ApiException.conflict("you cannot " + verb + " yourself; another administrator must");
        }
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
        return view(u.name, u.roles, UserView.LOCAL, u.createdAt, u.createdBy, u.ending());
    }

    private static UserView view(OidcSubjectEntity s) {
        return view(s.name, s.roles, UserView.OIDC, s.firstSeenAt, null, s.ending());
    }

    private static UserView view(String name, String roles, String source, OffsetDateTime created, String createdBy,
                                 Ending e) {
        return new UserView(name, roles(roles), source, e.status(), instant(created), createdBy, instant(e.disabledAt),
                e.disabledBy, e.disabledReason, instant(e.deletedAt), e.deletedBy);
    }

    private static List<String> roles(String roles) {
        return roles == null || roles.isEmpty() ? List.of() : Arrays.stream(roles.split(",")).sorted().toList();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
