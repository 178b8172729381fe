package dev.governor.api;

/**
 * What Governor refuses inside text. PostgreSQL cannot store NUL at all, and other control
 * characters (C0, DEL, C1) and unpaired surrogates have no business in identifiers, headers or
 * reasons: they hide text from a reader of the audit log and break exports. Tab, line feed and
 * carriage return are ordinary in free text (a rationale, a comment), so JSON string values may
 * carry them; names, keys, headers, query parameters and path segments may not.
 */
public final class ControlChars {

    private ControlChars() {
    }

    /** The index of the first refused character, or -1. */
    public static int find(String text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                if (!lineBreaksAllowed) return i;
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return i;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) return i;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The violation message for the character at {@code index}. */
    public static String message(String text, int index) {
        return String.format("must not contain control characters or unpaired surrogates (found U+%04X at position %d)",
                (int) text.charAt(index), index);
    }

    /** A name safe to echo in a problem body: refused characters become '?'. */
    public static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) ? '?' : c);
        }
        return out.toString();
    }

    /** Refuses {@code value} as the field {@code field} if it holds a refused character. */
    public static void check(String field, String value, boolean lineBreaksAllowed) {
        if (value == null) return;
        int at = find(value, lineBreaksAllowed);
        if (at >= 0) throw ApiException.invalid(printable(field), message(value, at));
    }
}
