package dev.governor.identity;

import dev.governor.GovernorConfig;
import dev.governor.api.Roles;
import dev.governor.audit.AuditEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * On the first start (no user exists) creates the administrator, so a fresh installation can
 * be used at once. Its token comes from {@code GOVERNOR_BOOTSTRAP_ADMIN_TOKEN}, or is generated
 * and written to the log this one time; it is never logged again.
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);
    static final int MIN_TOKEN_LENGTH = Secrets.USER_TOKEN_PREFIX.length() + 32;

    private final Users users;
    private final GovernorConfig config;

    public BootstrapAdmin(Users users, GovernorConfig config) {
        this.users = users;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        if (!users.none()) return;
        String name = config.auth().bootstrapAdminName();
        var given = config.auth().bootstrapAdminToken().filter(t -> !t.isBlank());
        given.ifPresent(BootstrapAdmin::check);
        String token = users.create(name, Set.of(Roles.ADMIN), given.orElse(null), AuditEvent.SYSTEM);
        if (given.isPresent()) {
            LOG.infof("Created the bootstrap administrator '%s' with the token from GOVERNOR_BOOTSTRAP_ADMIN_TOKEN", name);
        } else {
            LOG.warnf("Created the bootstrap administrator '%s'. Its token is shown this once; keep it safe: %s",
                    name, token);
        }
    }

    private static void check(String token) {
        if (!token.startsWith(Secrets.USER_TOKEN_PREFIX) || token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalStateException("GOVERNOR_BOOTSTRAP_ADMIN_TOKEN must start with '"
                    + Secrets.USER_TOKEN_PREFIX + "' and be at least " + MIN_TOKEN_LENGTH + " characters long");
        }
    }
}
