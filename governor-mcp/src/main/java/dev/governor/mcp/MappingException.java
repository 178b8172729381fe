package dev.governor.mcp;

/** A mapping file that cannot be used, or a call the mapping cannot turn into an action. */
public class MappingException extends RuntimeException {
    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
