package dev.governor.testing;

import io.quarkus.logging.LoggingFilter;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Keeps the test log free of the ERROR lines that tests provoke on purpose, and of nothing else
 * ({@code %test.quarkus.log.console.filter}): the unhandled error thrown by the test-only
 * {@code StrictEchoResource.boom}, the FEEL compile errors of the deliberately broken policy files
 * (Governor reports each as a load problem, which the tests assert), and the checkpointer's alarm
 * when {@code AuditTamperTest} cuts the chain back. A real unexpected error still shows.
 */
@LoggingFilter(name = "provoked-faults")
public final class ProvokedFaults implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        String message = record.getMessage() == null ? "" : record.getMessage();
        if (logger.equals("dev.governor.api.ProblemMapper") && thrownBy(record.getThrown(), "dev.governor.api.StrictEchoResource")) {
            return false;
        }
        if (logger.equals("org.kie.dmn.core.compiler.DMNFEELHelper") && message.startsWith("Error compiling FEEL expression")) {
            return false;
        }
        return !(logger.equals("dev.governor.audit.Checkpointer") && message.contains("behind Governor's back"));
    }

    private static boolean thrownBy(Throwable thrown, String className) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith(className)) return true;
            }
        }
        return false;
    }
}
