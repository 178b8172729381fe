package dev.governor.audit.cli;

/** Runs the command-line verifier in-process (its main() exits the JVM). */
public final class VerifyExportAccess {

    private VerifyExportAccess() {
    }

    public static int run(String... args) throws java.io.IOException {
        return VerifyExport.run(args);
    }
}
