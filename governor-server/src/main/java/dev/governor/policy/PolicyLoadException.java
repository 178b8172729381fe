package dev.governor.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The policy files could not be compiled. The message lists every problem; {@link #problems()}
 * gives them structured for the reload endpoint (422) and the start-up log.
 */
public class PolicyLoadException extends RuntimeException {

    private final transient List<Problem> problems;

    public PolicyLoadException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public PolicyLoadException(List<Problem> problems, Throwable cause) {
        super(describe(problems), cause);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * @param file     path relative to the policy root, e.g. {@code rules/freeze.drl}
     * @param location {@code line 12}, {@code row 14 (cell A14)}, {@code row gate-read-only}, or null
     */
    public record Problem(String file, String location, String message) {
        @Override
        public String toString() {
            return file + (location == null ? "" : " " + location) + ": " + message;
        }
    }

    private static String describe(List<Problem> problems) {
        return "policy could not be loaded: " + problems.stream().map(Problem::toString)
                .collect(Collectors.joining("; "));
    }
}
