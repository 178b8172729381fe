package dev.governor.identity.cli;

import dev.governor.GovernorConfig;
import dev.governor.audit.AuditEvent;
import dev.governor.identity.Users;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.PrintStream;
import java.util.Map;

/**
 * {@code admin reset-token [--user NAME]}: the way back in when the bootstrap administrator's token
 * is lost. Run on the server's host with the server's configuration, it starts Governor without
 * its HTTP port (so it runs beside a live instance), gives the administrator a new token in the
 * configured database, prints it once on standard output, and ends the old one. It is audited
 * ({@code USER_TOKEN_RESET}); there is deliberately no HTTP route, since a caller who lost every
 * admin token has nothing to authenticate with, while whoever runs this on the host could read the
 * database anyway.
 *
 * <p>Exit codes: 0 reset, 1 refused (no such active administrator), 64 wrong usage.
 */
@ApplicationScoped
public class AdminCli implements QuarkusApplication {

    public static final int OK = 0, REFUSED = 1, USAGE = 64;
    static final String HELP = """
            usage: admin reset-token [--user NAME]
              --user   the administrator whose token to replace   default: the bootstrap administrator
            """;

    private final Users users;
    private final String bootstrapAdmin;

    public AdminCli(Users users, GovernorConfig config) {
        this.users = users;
        this.bootstrapAdmin = config.auth().bootstrapAdminName();
    }

    /**
     * Settings for the run, applied before Quarkus starts: no HTTP listener (a server may be running
     * on this host's port), no scheduled jobs (the serving instances run them; cut short by this
     * run's exit they would only fail), and the log on standard error so that standard output
     * carries the token alone and can be piped.
     */
    public static void prepare() {
        System.setProperty("quarkus.http.host-enabled", "false");
        System.setProperty("quarkus.scheduler.enabled", "false");
        System.setProperty("quarkus.log.console.stderr", "true");
    }

    @Override
    public int run(String... args) {
        return run(System.out, System.err, args);
    }

    /** @param args the whole command line, starting with {@code admin} */
    public int run(PrintStream out, PrintStream err, String... args) {
        String user = bootstrapAdmin;
        if (args.length < 2 || !"reset-token".equals(args[1])) {
            err.print(HELP);
            return USAGE;
        }
        if (args.length == 4 && "--user".equals(args[2]) && !args[3].isBlank()) {
            user = args[3];
        } else if (args.length != 2) {
            err.print(HELP);
            return USAGE;
        }
        String token;
        try {
            token = users.resetAdminToken(user, AuditEvent.SYSTEM,
                    Map.of("via", "admin reset-token on the server's host",
                            "osUser", System.getProperty("user.name", "unknown")));
        } catch (IllegalArgumentException e) {
            err.println("Cannot reset the token: " + e.getMessage());
            return REFUSED;
        }
        err.println("The new token of '" + user + "' follows; it is shown this once. The old token no longer works.");
        out.println(token);
        return OK;
    }
}
