package dev.governor.policy;

import java.util.List;

/**
 * The response {@code decision-tables/drift-response.dmn} chose, as data. A table that cannot be
 * evaluated answers ALERT, with the error: people are told, but a broken file never demotes a fleet.
 */
public record DriftResponse(Response response, String message, String source, List<Evaluation.Firing> firings,
                            List<String> errors, String policyVersion) {

    public static final String FILE = "decision-tables/drift-response.dmn";

    public enum Response { NONE, ALERT, DEMOTE, SUSPEND }

    public DriftResponse {
        firings = List.copyOf(firings);
        errors = List.copyOf(errors);
    }
}
