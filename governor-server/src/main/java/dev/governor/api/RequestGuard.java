package dev.governor.api;

import dev.governor.GovernorConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Map;

/**
 * The first look at every request, on the Vert.x router before authentication: a request line or
 * headers over Governor's limits (414, 431), a header value with control characters (400 naming
 * the header), and failures the router raises itself, such as an HTTP/1.1 request without
 * {@code Host}, all answer problem+json. The HTTP codec's own limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set well
 * above these, so the codec's bare answers are only reached by requests far past them.
 */
@ApplicationScoped
public class RequestGuard {

    private final int maxUriLength;
    private final int maxHeaderBytes;
    private final ProblemMapper problems;

    public RequestGuard(GovernorConfig config, ProblemMapper problems) {
        this.maxUriLength = config.http().maxUriLength();
        this.maxHeaderBytes = config.http().maxHeaderBytes();
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(BodyLimit.ORDER).handler(this::check);
        router.route().order(BodyLimit.ORDER).failureHandler(this::failed);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > maxUriLength) {
            HttpProblems.send(context, problems, 414, "The request target exceeds " + maxUriLength + " characters", List.of());
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
            // Tab is legal in a header value; CR and LF cannot reach here (they end the header).
            int at = ControlChars.find(header.getValue(), true);
            if (at >= 0) {
                HttpProblems.invalid(context, problems, ControlChars.printable(header.getKey()),
                        ControlChars.message(header.getValue(), at));
                return;
            }
        }
        if (headerBytes > maxHeaderBytes) {
            HttpProblems.send(context, problems, 431, "The request headers exceed " + maxHeaderBytes + " bytes", List.of());
            return;
        }
        context.next();
    }

    /** Router-level failures: answered here unless something further down already wrote an answer. */
    private void failed(RoutingContext context) {
        if (context.response().headWritten() || context.response().ended()) {
            context.next();
            return;
        }
        HttpServerRequest request = context.request();
        if (request.version() != HttpVersion.HTTP_1_0 && request.getHeader("Host") == null) {
            HttpProblems.invalid(context, problems, "Host", "an HTTP/1.1 request must carry a Host header");
            return;
        }
        int status = context.statusCode();
        if (context.failure() == null && status >= 400 && status < 500) {
            HttpProblems.send(context, problems, status, ProblemMapper.detail(status), List.of());
            return;
        }
        context.next();
    }
}
