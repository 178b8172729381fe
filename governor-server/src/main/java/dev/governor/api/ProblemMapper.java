package dev.governor.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The single place where anything becomes an HTTP error: every body is RFC 9457
 * {@code application/problem+json}. Our mappers sit ahead of Quarkus REST's built-in
 * Jackson and validation mappers (lower priority number wins among equally specific
 * mappers, and the most specific exception types are listed explicitly), so no built-in
 * body, exception text or class name ever reaches a caller.
 */
@Singleton
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final int FIRST = Priorities.USER - 1000;

    private final ObjectMapper json;

    public ProblemMapper(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response apiException(ApiException e) {
        Response.ResponseBuilder response = builder(new Problem(Problem.typeFor(e.title()), e.title(), e.status(),
                e.getMessage(), e.violations(), e.extensions()));
        if (e.retryAfterSeconds() > 0) response.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        return response.build();
    }

    @ServerExceptionMapper(value = {ConstraintViolationException.class, ResteasyReactiveViolationException.class},
            priority = FIRST)
    public Response constraintViolation(ConstraintViolationException e) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMapper::isReturnValue)) {
            return unexpected(e);
        }
        List<ApiException.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new ApiException.Violation(FieldPaths.of(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(ApiException.Violation::field).thenComparing(ApiException.Violation::message))
                .toList();
        return respond(Problem.of(400, "Invalid input", "The request has " + violations.size()
                + (violations.size() == 1 ? " invalid field" : " invalid fields"), violations));
    }

    @ServerExceptionMapper(value = {JacksonException.class, JsonProcessingException.class, JsonMappingException.class,
            MismatchedInputException.class, UnrecognizedPropertyException.class, StreamReadException.class},
            priority = FIRST)
    public Response jackson(JacksonException e) {
        if (e instanceof InvalidDefinitionException) {
            return unexpected(e); // our DTO is broken, not the caller's JSON
        }
        ApiException.Violation violation = JsonErrors.describe(e);
        return respond(Problem.of(400, "Invalid input", violation.field().isEmpty()
                ? violation.message() : violation.field() + ": " + violation.message(), List.of(violation)));
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response webApplication(WebApplicationException e) {
        // Quarkus REST wraps body-reading failures; report the JSON problem, not the wrapper.
        if (e.getCause() instanceof JacksonException cause) {
            return jackson(cause);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Server error while serving a request", e);
        }
        Response.ResponseBuilder response = builder(Problem.of(status, reason(status), detail(status), List.of()));
        if (e.getResponse() != null && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            response.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return response.build();
    }

    /** No credentials at all on a call that needs them (wrong credentials are refused before JAX-RS). */
    @ServerExceptionMapper(priority = FIRST)
    public Response unauthorized(io.quarkus.security.UnauthorizedException e) {
        return builder(Problem.of(401, "Unauthorized",
                "Send an agent key or a bearer token: Authorization: Bearer <key or token>", List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** An authenticated caller whose roles do not cover the call. */
    @ServerExceptionMapper(priority = FIRST)
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "Your role does not allow this call", List.of()));
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response unexpected(Throwable e) {
        if (Infrastructure.isFault(e)) return unavailable(e);
        LOG.error("Unhandled error while serving a request", e);
        return respond(Problem.of(500, "Internal Server Error",
                "The server could not complete the request; the error has been logged", List.of()));
    }

    /** The database failed or did not answer in time: nothing was carried out, retry later. */
    private Response unavailable(Throwable e) {
        LOG.warnf("Request not carried out, the database failed or timed out: %s", Infrastructure.rootMessage(e));
        return builder(Problem.of(503, "Service Unavailable",
                "The database did not answer in time, so the request was not carried out; retry later", List.of()))
                .header(HttpHeaders.RETRY_AFTER, Infrastructure.RETRY_AFTER_SECONDS).build();
    }

    /** Serialises a problem for code that answers outside JAX-RS (e.g. Vert.x routes). */
    public String toJson(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem body is always serialisable", e);
        }
    }

    /** Fixed texts: a WebApplicationException's own message may carry internals. */
    public static String detail(int status) {
        return switch (status) {
            case 404 -> "No resource exists at this path";
            case 405 -> "This method is not supported on this resource";
            case 406 -> "None of the media types in the Accept header can be produced; use application/json";
            case 413 -> "The request body exceeds the size limit";
            case 415 -> "This media type is not supported; send application/json";
            default -> status >= 500 ? "The server could not complete the request; the error has been logged"
                    : "The request could not be processed";
        };
    }

    public static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }

    private Response respond(Problem problem) {
        return builder(problem).build();
    }

    private Response.ResponseBuilder builder(Problem problem) {
        // Serialised here, not by a MessageBodyWriter, so that an Accept header the
        // caller sent (e.g. text/plain on a 406) cannot turn the error into another error.
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(toJson(problem));
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        return StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .map(Path.Node::getKind).anyMatch(kind -> kind == ElementKind.RETURN_VALUE);
    }
}
