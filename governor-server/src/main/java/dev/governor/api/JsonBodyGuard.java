package dev.governor.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks every request body before it is bound, whatever type it is bound to (records, JsonNode,
 * maps, text): it must be UTF-8 without a byte order mark (Jackson would otherwise guess UTF-16 or
 * UTF-32), and no string or key in it may hold a character {@link ControlChars} refuses. The body
 * is at most {@code governor.http.max-body-bytes}, so reading it twice costs little. A CSV body (the
 * asset import) is left to its reader, which checks each cell and accepts the byte order mark
 * spreadsheets write.
 */
@Provider
public class JsonBodyGuard implements ReaderInterceptor {

    private static final jakarta.ws.rs.core.MediaType CSV = new jakarta.ws.rs.core.MediaType("text", "csv");

    static final String ENCODING_MESSAGE = "must be JSON encoded as UTF-8, without a byte order mark";

    private final JsonFactory json;

    public JsonBodyGuard(ObjectMapper mapper) {
        this.json = mapper.getFactory();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getMediaType() != null && context.getMediaType().isCompatible(CSV)) return context.proceed();
        byte[] body = context.getInputStream().readAllBytes();
        checkEncoding(body);
        checkStrings(body);
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static void checkEncoding(byte[] body) {
        boolean bom = body.length >= 2 && ((body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF
                || (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE
                || body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF);
        boolean nul = false;
        for (byte b : body) nul |= b == 0; // UTF-16 and UTF-32 without a byte order mark
        if (bom || nul) throw ApiException.invalid("body", ENCODING_MESSAGE);
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw ApiException.invalid("body", ENCODING_MESSAGE);
        }
    }

    /** Malformed JSON is left to the binder, which reports it with its position. */
    private void checkStrings(byte[] body) throws IOException {
        try (JsonParser parser = json.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    int at = ControlChars.find(name, false);
                    if (at >= 0) throw ApiException.invalid(ControlChars.printable(FieldPaths.of(parser.getParsingContext())),
                            "key " + ControlChars.message(name, at));
                } else if (token == JsonToken.VALUE_STRING) {
                    String value = parser.getText();
                    int at = ControlChars.find(value, true);
                    if (at >= 0) throw ApiException.invalid(path(parser), ControlChars.message(value, at));
                }
            }
        } catch (JsonProcessingException e) {
            // not JSON: the binder answers with the syntax error
        }
    }

    private static String path(JsonParser parser) {
        String path = ControlChars.printable(FieldPaths.of(parser.getParsingContext()));
        return path.isEmpty() ? "body" : path;
    }
}
