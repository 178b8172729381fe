package dev.governor.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/** Problem answers written on the Vert.x router, below JAX-RS, where {@link ProblemMapper}'s mappers do not reach. */
final class HttpProblems {

    private HttpProblems() {
    }

    static void send(RoutingContext context, ProblemMapper problems, int status, String detail,
                     List<ApiException.Violation> violations) {
        String title = status == 400 ? "Invalid input" : ProblemMapper.reason(status);
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                // The request may still be on the wire; do not reuse this connection.
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problems.toJson(Problem.of(status, title, detail, violations)));
    }

    static void invalid(RoutingContext context, ProblemMapper problems, String field, String message) {
        send(context, problems, 400, field + ": " + message, List.of(new ApiException.Violation(field, message)));
    }
}
