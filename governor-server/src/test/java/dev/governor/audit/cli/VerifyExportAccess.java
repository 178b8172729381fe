package dev.governor.audit.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command-line verifier in-process (its main() exits the JVM). */
public final class VerifyExportAccess {

    private VerifyExportAccess() {
    }

    public static int run(String... args) throws java.io.IOException {
        return VerifyExport.run(args);
    }

    /** The exit status and what the verifier printed, as {@code "<status> <output>"}. */
    public static synchronized String output(String... args) throws java.io.IOException {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int status = VerifyExport.run(args);
            return status + " " + captured.toString(StandardCharsets.UTF_8).strip();
        } finally {
            System.setOut(out);
        }
    }
}
