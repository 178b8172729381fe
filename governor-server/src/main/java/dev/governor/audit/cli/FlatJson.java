package dev.governor.audit.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one line of an audit export: a JSON object, its values strings, numbers (integers as
 * {@link Long}, others as {@link java.math.BigDecimal}), booleans, null, objects ({@link Map}) and
 * arrays ({@link List}). JDK only, so the verifier runs with nothing but {@code target/classes}.
 */
final class FlatJson {

    private final String s;
    private int i;

    private FlatJson(String s) {
        this.s = s;
    }

    static Map<String, Object> parse(String line) {
        FlatJson p = new FlatJson(line);
        p.space();
        Map<String, Object> out = p.object();
        p.space();
        if (p.i != line.length()) {
            throw p.error("trailing characters");
        }
        return out;
    }

    private Map<String, Object> object() {
        Map<String, Object> out = new LinkedHashMap<>();
        expect('{');
        space();
        if (peek() == '}') {
            i++;
            return out;
        }
        do {
            space();
            String key = string();
            space();
            expect(':');
            space();
            if (out.put(key, value()) != null) {
                throw error("duplicate key " + key);
            }
            space();
        } while (next() == ',');
        if (s.charAt(i - 1) != '}') {
            throw error("expected , or }");
        }
        return out;
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{') {
            return object();
        }
        if (c == '[') {
            return array();
        }
        for (String literal : new String[] {"null", "true", "false"}) {
            if (s.startsWith(literal, i)) {
                i += literal.length();
                return literal.equals("null") ? null : Boolean.valueOf(literal);
            }
        }
        int start = i;
        while (i < s.length() && "0123456789-+.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (start == i) {
            throw error("unsupported value");
        }
        String number = s.substring(start, i);
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException notALong) {
            try {
                return new BigDecimal(number);
            } catch (NumberFormatException e) {
                throw error("bad number " + number);
            }
        }
    }

    private List<Object> array() {
        List<Object> out = new ArrayList<>();
        expect('[');
        space();
        if (peek() == ']') {
            i++;
            return out;
        }
        do {
            space();
            out.add(value());
            space();
        } while (next() == ',');
        if (s.charAt(i - 1) != ']') {
            throw error("expected , or ]");
        }
        return out;
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw error("bad \\u escape");
                    }
                    out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private void space() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private char peek() {
        if (i >= s.length()) {
            throw error("unexpected end of line");
        }
        return s.charAt(i);
    }

    private char next() {
        char c = peek();
        i++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected " + c);
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at column " + (i + 1));
    }
}
