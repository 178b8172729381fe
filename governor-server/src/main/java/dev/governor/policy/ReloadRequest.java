package dev.governor.policy;

/**
 * Optional body of {@code POST /v1/policies/reload}.
 *
 * @param requireTests false: activate without running the policy tests (administrators only); default true
 * @param actor        who is reloading (until authentication exists); the {@code X-Actor} header also works
 */
public record ReloadRequest(Boolean requireTests, String actor) {
}
