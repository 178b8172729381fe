package dev.governor.audit;

import java.io.IOException;
import java.util.Map;

/**
 * Writes export rows one at a time. A row maps column names (camelCase) to text, numbers,
 * booleans, null, or {@link RawJson} (stored JSON passed through unparsed).
 */
public interface RowWriter {

    void write(Map<String, Object> row) throws IOException;

    /** Flushes what is buffered; the output itself belongs to the caller. */
    void finish() throws IOException;

    /** JSON text from the database, written into NDJSON as a nested value without re-parsing. */
    record RawJson(String json) {
    }
}
