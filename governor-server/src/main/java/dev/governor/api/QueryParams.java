package dev.governor.api;

/** Strict parsing of optional query parameters; a bad value is a 400 naming the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    public static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // fall through to the same answer as an out-of-range number
        }
        throw ApiException.invalid(name, "must be an integer between " + min + " and " + max);
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.invalid(name, "must be true or false");
        };
    }

    /** An optional enum parameter, by constant name; a 400 listing the constants otherwise. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isEmpty()) return null;
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
