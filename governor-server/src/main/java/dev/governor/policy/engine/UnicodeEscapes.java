package dev.governor.policy.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Java decodes {@code \u0053} to {@code S} before it reads a single token, anywhere in the source,
 * so a name can be written in escapes. The sandbox checks the decoded text, and names the lines
 * that held escapes.
 */
final class UnicodeEscapes {

    /** @param lines the 1-based lines of the original text that held an escape */
    record Decoded(String text, List<Integer> lines) {
    }

    private UnicodeEscapes() {
    }

    /** As JLS 3.3: a backslash preceded by an even number of backslashes, one or more u, four hex digits. */
    static Decoded decode(String in) {
        StringBuilder out = new StringBuilder(in.length());
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        int backslashes = 0;
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (c == '\\' && backslashes % 2 == 0 && i + 1 < in.length() && in.charAt(i + 1) == 'u') {
                int j = i + 1;
                while (j < in.length() && in.charAt(j) == 'u') j++;
                if (j + 4 <= in.length() && in.substring(j, j + 4).matches("[0-9a-fA-F]{4}")) {
                    char decoded = (char) Integer.parseInt(in.substring(j, j + 4), 16);
                    out.append(decoded);
                    if (lines.isEmpty() || lines.get(lines.size() - 1) != line) lines.add(line);
                    i = j + 3;
                    backslashes = 0;
                    continue;
                }
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            if (c == '\n') line++;
            out.append(c);
        }
        return new Decoded(out.toString(), List.copyOf(lines));
    }
}
