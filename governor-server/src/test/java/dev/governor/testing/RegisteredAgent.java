package dev.governor.testing;

/** An agent registered through {@code POST /v1/agents}, with the API key that answer showed once. */
public record RegisteredAgent(String id, String apiKey) implements Credential {

    @Override
    public String bearer() {
        return apiKey;
    }
}
