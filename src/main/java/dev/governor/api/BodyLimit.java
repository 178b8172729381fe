package dev.governor.api;

import dev.governor.GovernorConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Refuses a body larger than {@code governor.http.max-body-bytes} from its Content-Length,
 * before a byte of it is buffered or parsed. Chunked bodies without a length are capped by
 * {@code quarkus.http.limits.max-body-size} instead.
 */
@ApplicationScoped
public class BodyLimit {

    /** Ahead of Quarkus' own body handler, which would otherwise buffer the body first. */
    static final int ORDER = Integer.MIN_VALUE;

    private final long maxBytes;
    private final ProblemMapper problems;

    public BodyLimit(GovernorConfig config, ProblemMapper problems) {
        this.maxBytes = config.http().maxBodyBytes();
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length.trim())) {
            Problem problem = Problem.of(413, ProblemMapper.reason(413),
                    "The request body exceeds the limit of " + maxBytes + " bytes", List.of());
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    // The unread body is still on the wire; do not reuse this connection.
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(problems.toJson(problem));
            return;
        }
        context.next();
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // a malformed length is rejected by the HTTP codec, not here
        }
    }
}
