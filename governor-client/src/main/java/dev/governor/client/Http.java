package dev.governor.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** One HTTP exchange with Governor, with the retry rules of {@link RetryPolicy}. */
final class Http {
    private static final String GOVERNOR_PROBLEM = "urn:governor:problem:";

    private final HttpClient client;
    private final URI base;
    private final String bearer;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;
    private final ObjectMapper json;

    Http(HttpClient client, URI base, String bearer, Duration requestTimeout, RetryPolicy retry, Sleeper sleeper,
         Clock clock, ObjectMapper json) {
        this.client = client;
        this.base = base;
        this.bearer = bearer;
        this.requestTimeout = requestTimeout;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
        this.json = json;
    }

    <T> T get(String path, Duration extraTime, Class<T> type) {
        return exchange("GET", path, null, true, extraTime, type);
    }

    <T> T post(String path, Object body, Class<T> type) {
        return exchange("POST", path, body, false, Duration.ZERO, type);
    }

    private <T> T exchange(String method, String path, Object body, boolean idempotent, Duration extraTime,
                           Class<T> type) {
        HttpRequest request = request(method, path, body, extraTime);
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= retry.maxAttempts();
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // No answer: a write may have been carried out, so only reads are tried again.
                UnavailableException failure = new UnavailableException(0, null,
                        "no answer from Governor at " + base + ": " + e, -1, e);
                if (!idempotent || last) throw failure;
                pause(retry.defaultDelay(), failure);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnavailableException(0, null, "interrupted while waiting for Governor", -1, e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) return read(response.body(), type);
            Problem problem = problem(response);
            long retryAfter = retryAfterSeconds(response);
            GovernorException failure = GovernorException.of(status, problem, response.body(), retryAfter);
            if (last || !retryable(status, problem, idempotent)) throw failure;
            Duration wait = retryAfter >= 0 ? Duration.ofSeconds(retryAfter) : retry.defaultDelay();
            if (wait.compareTo(retry.maxDelay()) > 0) throw failure;
            pause(wait, failure);
        }
    }

    private static boolean retryable(int status, Problem problem, boolean idempotent) {
        if (status != 503 && status != 429) return false;
        if (idempotent) return true;
        // Governor's own 503 means nothing of the request was stored; a 429 on a write is a cap, not a fault.
        return status == 503 && problem != null && problem.type() != null && problem.type().startsWith(GOVERNOR_PROBLEM);
    }

    private void pause(Duration wait, GovernorException failure) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    private HttpRequest request(String method, String path, Object body, Duration extraTime) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(requestTimeout.plus(extraTime))
                .header("Accept", "application/json, application/problem+json");
        if (bearer != null) builder.header("Authorization", "Bearer " + bearer);
        if (body == null) return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            return builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request as JSON", e);
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new GovernorException(200, null, "Governor's answer is not the JSON this client expects: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The problem+json body, or null when the answer carries none (a proxy's page, an empty body). */
    private Problem problem(HttpResponse<String> response) {
        Optional<String> contentType = response.headers().firstValue("Content-Type");
        if (contentType.isEmpty() || !contentType.get().contains("json")) return null;
        try {
            JsonNode node = json.readTree(response.body());
            return node != null && node.isObject() ? Problems.parse(node, json) : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** {@code Retry-After} as seconds (a number, or an HTTP-date from now); -1 when absent or unreadable. */
    long retryAfterSeconds(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) return -1;
        String value = header.get().trim();
        try {
            return Math.max(0, Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(clock.instant(), at.toInstant()).toSeconds());
            } catch (DateTimeParseException notDate) {
                return -1;
            }
        }
    }
}
