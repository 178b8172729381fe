package dev.governor.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** One JSON object per line ({@code \n}-separated, UTF-8), as in https://github.com/ndjson/ndjson-spec. */
public final class NdjsonWriter implements RowWriter {

    private final JsonGenerator json;

    public NdjsonWriter(ObjectMapper mapper, OutputStream out) throws IOException {
        this.json = mapper.getFactory().createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(null); // lines are separated by \n alone, not Jackson's default space
    }

    @Override
    public void write(Map<String, Object> row) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            json.writeFieldName(e.getKey());
            Object v = e.getValue();
            if (v == null) {
                json.writeNull();
            } else if (v instanceof RawJson raw) {
                json.writeRawValue(raw.json());
            } else if (v instanceof Long l) {
                json.writeNumber(l);
            } else if (v instanceof Integer i) {
                json.writeNumber(i);
            } else if (v instanceof Boolean b) {
                json.writeBoolean(b);
            } else {
                json.writeString(v.toString());
            }
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void finish() throws IOException {
        json.flush();
    }
}
