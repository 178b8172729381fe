package dev.governor.api;

import dev.governor.GovernorConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Refuses a body larger than {@code governor.http.max-body-bytes} from its Content-Length,
 * before a byte of it is buffered or parsed, and a chunked body once it grows past the limit.
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

    /**
     * A chunked body announces no length, so it is buffered here, up to the same limit: past it
     * the router fails with 413, which {@link RequestGuard} answers as problem+json. Quarkus REST
     * then reads the buffered body.
     */
    private void buffer(RoutingContext context) {
        context.request().resume();
        BodyHandler.create(false).setBodyLimit(maxBytes).handle(context);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length.trim())) {
            HttpProblems.send(context, problems, 413, "The request body exceeds the limit of " + maxBytes + " bytes", List.of());
            return;
        }
        if (length == null && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            buffer(context);
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
