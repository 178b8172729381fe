package dev.governor.policy.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The application's entry point. {@code java -jar quarkus-run.jar policy ...} runs the policy
 * command line ({@link PolicyCli}) without starting Quarkus: no HTTP server, no database. Any
 * other invocation starts the service as usual.
 */
@QuarkusMain
public final class GovernorMain {

    private GovernorMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && "policy".equals(args[0])) {
            System.exit(new PolicyCli(System.out, System.err).run(args));
        }
        Quarkus.run(args);
    }
}
