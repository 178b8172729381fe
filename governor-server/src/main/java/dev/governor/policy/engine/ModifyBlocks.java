package dev.governor.policy.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code modify($f) { setA(1), setB(2) }} is Drools syntax, not Java. For the check only, it is
 * rewritten, on the same lines, into {@code modify($f); __governorModifyBlock(setA(1), setB(2));}
 * so that JavaParser can parse it and the setters are checked as calls on the modified fact.
 */
final class ModifyBlocks {

    private static final Pattern MODIFY = Pattern.compile("\\bmodify\\s*\\(");

    private ModifyBlocks() {
    }

    static String rewrite(String code) {
        StringBuilder out = new StringBuilder(code);
        Matcher m = MODIFY.matcher(code);
        int from = 0;
        while (m.find(from)) {
            int close = matching(out, m.end() - 1, '(', ')');
            if (close < 0) break;
            int brace = close + 1;
            while (brace < out.length() && Character.isWhitespace(out.charAt(brace))) brace++;
            if (brace < out.length() && out.charAt(brace) == '{') {
                int end = matching(out, brace, '{', '}');
                if (end < 0) break;
                out.replace(end, end + 1, ");");
                out.replace(brace, brace + 1, "; " + CodeCheck.MODIFY_BLOCK + "(");
            }
            from = m.end();
            m = MODIFY.matcher(out);
        }
        return out.toString();
    }

    /** The index of the bracket closing the one at {@code open}, skipping string and char literals. */
    private static int matching(CharSequence s, int open, char left, char right) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == left) {
                depth++;
            } else if (c == right && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
