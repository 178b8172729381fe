package dev.governor.policy.cli;

import dev.governor.identity.cli.AdminCli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The application's entry point. {@code java -jar quarkus-run.jar policy ...} runs the policy
 * command line ({@link PolicyCli}) without starting Quarkus: no HTTP server, no database. Any
 * {@code admin ...} runs a host-side administration command ({@link AdminCli}) in a Quarkus without
 * its HTTP port. Any other invocation starts the service as usual.
 */
@QuarkusMain
public final class GovernorMain {

    private GovernorMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && "policy".equals(args[0])) {
            System.exit(new PolicyCli(System.out, System.err).run(args));
        }
        if (args.length > 0 && "admin".equals(args[0])) {
            AdminCli.prepare();
            Quarkus.run(AdminCli.class, args);
            return;
        }
        Quarkus.run(args);
    }
}
