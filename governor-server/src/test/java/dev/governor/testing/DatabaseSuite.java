package dev.governor.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.Annotation;
import java.util.Arrays;

/**
 * In the PostgreSQL suite ({@code ./mvnw test -Ppostgresql}), a test class that starts no Quarkus
 * application is skipped: it never opens a database (the policy engine, file checks, pure units),
 * so its result on PostgreSQL is its result on H2, and {@code ./mvnw verify} has already run it.
 * Running it twice cost CI about a fifth of the PostgreSQL suite's time. Registered for that
 * suite only (the {@code postgresql} profile enables JUnit's extension auto-detection); every
 * {@code @QuarkusTest}, {@code @QuarkusMainTest} and {@code @QuarkusIntegrationTest} still runs.
 */
public final class DatabaseSuite implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!System.getProperty("quarkus.test.profile", "").contains("pg-test")) {
            return ConditionEvaluationResult.enabled("the H2 suite runs every test");
        }
        Class<?> top = context.getTestClass().orElse(null);
        if (top == null) return ConditionEvaluationResult.enabled("not a test class");
        while (top.getEnclosingClass() != null) top = top.getEnclosingClass();
        return startsQuarkus(top)
                ? ConditionEvaluationResult.enabled("starts Governor on the database under test")
                : ConditionEvaluationResult.disabled("needs no database: run by the H2 suite (./mvnw verify)");
    }

    static boolean startsQuarkus(Class<?> type) {
        return Arrays.stream(type.getAnnotations()).map(Annotation::annotationType)
                .anyMatch(a -> a.getName().startsWith("io.quarkus.test.junit.Quarkus"));
    }
}
