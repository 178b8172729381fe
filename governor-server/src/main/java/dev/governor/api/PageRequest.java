package dev.governor.api;

/**
 * Paging from {@code ?page=&size=} (page from 0). Query strings are parsed here rather than
 * bound to {@code int}, because JAX-RS answers an unconvertible query parameter with 404.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static PageRequest of(String page, String size) {
        return new PageRequest(QueryParams.integer("page", page, 0, 0, 1_000_000),
                QueryParams.integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }
}
