package dev.governor.policy;

import dev.governor.api.ApiException;
import dev.governor.policy.PolicyLoadException.Problem;

import java.util.List;

/** Policy files refused: 422 problem+json, one violation per problem, named by file, with location and message. */
final class PolicyProblems {

    private PolicyProblems() {
    }

    static ApiException rejected(String title, List<Problem> problems) {
        List<ApiException.Violation> violations = problems.stream()
                .map(p -> new ApiException.Violation(p.file(), (p.location() == null ? "" : p.location() + ": ") + p.message()))
                .toList();
        return new ApiException(422, title, problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " in the policy files: " + problems.stream().map(Problem::toString).limit(3).toList()
                + (problems.size() > 3 ? " ..." : ""), violations);
    }
}
