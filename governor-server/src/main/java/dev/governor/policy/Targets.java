package dev.governor.policy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The form in which a target is matched against the tables, so that spelling cannot hide it:
 * lower case, backslashes as slashes, percent-escapes decoded (repeatedly, so %252e is a dot too),
 * doubled slashes collapsed, "." segments dropped and an absolute path's ".." resolved (never
 * above the root).
 */
public final class Targets {

    private static final int MAX_DECODES = 3;
    private static final int MAX_LENGTH = 4096;

    private Targets() {
    }

    public static String normalise(String target) {
        if (target == null) return "";
        String t = target.length() > MAX_LENGTH ? target.substring(0, MAX_LENGTH) : target;
        for (int i = 0; i < MAX_DECODES && t.indexOf('%') >= 0; i++) {
            String decoded = decode(t);
            if (decoded.equals(t)) break;
            t = decoded;
        }
        t = t.replace('\\', '/').toLowerCase(Locale.ROOT).replace("\u0000", "");
        return resolveSegments(t);
    }

    private static String decode(String t) {
        try {
            return URLDecoder.decode(t.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) { // a stray % is literal
            return t;
        }
    }

    /** Resolves "." and ".." within each whitespace-separated word (a command line holds several paths). */
    private static String resolveSegments(String t) {
        StringBuilder out = new StringBuilder(t.length());
        int i = 0;
        while (i < t.length()) {
            int start = i;
            while (i < t.length() && !Character.isWhitespace(t.charAt(i))) i++;
            out.append(resolveWord(t.substring(start, i)));
            while (i < t.length() && Character.isWhitespace(t.charAt(i))) out.append(t.charAt(i++));
        }
        return out.toString();
    }

    private static String resolveWord(String word) {
        if (word.indexOf('/') < 0) return word;
        int scheme = word.indexOf("://");
        String prefix = scheme > 0 ? word.substring(0, scheme + 3) : "";
        String path = word.substring(prefix.length());
        boolean rooted = path.startsWith("/");
        boolean absolute = rooted || !prefix.isEmpty(); // a URL's path is rooted at its host
        boolean trailing = path.endsWith("/") && path.length() > 1;
        Deque<String> parts = new ArrayDeque<>();
        for (String segment : path.split("/+")) {
            if (segment.isEmpty() || segment.equals(".")) continue;
            // Only an absolute path is resolved: a relative one keeps its "..", so foo/../etc/shadow
            // still shows /etc/shadow to a pattern that looks for it.
            if (segment.equals("..") && absolute) {
                if (parts.size() > (prefix.isEmpty() ? 0 : 1)) parts.removeLast(); // never the URL's host
                continue;
            }
            parts.addLast(segment);
        }
        String joined = String.join("/", parts);
        return prefix + (rooted ? "/" : "") + joined + (trailing && !joined.isEmpty() ? "/" : "");
    }

    /**
     * Whether a target pattern matches a target, as both registers of assets define it: {@code *}
     * is any run of characters (none included), every other character only itself, both sides
     * normalised. No regular expression is built from a pattern; a null target matches nothing.
     */
    public static boolean matches(String pattern, String target) {
        return target != null && pattern != null && globMatches(normalise(pattern), normalise(target));
    }

    /**
     * {@link #matches} on a pattern and target already normalised (a register normalises its
     * patterns once). Greedy glob with backtracking to the last '*': linear in practice, never
     * exponential.
     */
    public static boolean globMatches(String pattern, String target) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < target.length()) {
            if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == target.charAt(t)) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') p++;
        return p == pattern.length();
    }
}
