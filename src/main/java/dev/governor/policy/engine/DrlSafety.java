package dev.governor.policy.engine;

import dev.governor.policy.PolicyLoadException.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses rule text that could reach outside the policy: process control, file or network I/O,
 * reflection, threads, class loading. A rule file is data edited by compliance staff; it must
 * not become a way to run code on the server.
 *
 * <p>This is a conservative static scan of the DRL text (comments removed, string literals kept),
 * applied to every {@code .drl} file and to the DRL generated from every spreadsheet, before
 * anything is compiled. Its limits: it matches names, not resolved types, so it refuses the
 * simple names of dangerous {@code java.lang} classes ({@code System}, {@code Runtime},
 * {@code Thread}, ...) and whole dangerous packages whether written in an import or fully
 * qualified; it cannot see what a method of an allowed fact class does (the fact classes are
 * reviewed Java code); and it refuses some harmless text too (e.g. the word {@code Thread} in a
 * message string). Unicode escapes are refused outright because the Java dialect would decode
 * them into names this scan cannot see.
 */
final class DrlSafety {

    private record Forbidden(Pattern pattern, String why) {
    }

    private static final List<Forbidden> FORBIDDEN = List.of(
            rule("\\\\u+[0-9a-fA-F]{4}", "unicode escapes are not allowed in policy rules"),
            rule("\\bSystem\\s*\\.", "System (exit, properties, environment, console) is not available to policy rules"),
            rule("\\b(Runtime|ProcessBuilder|ProcessHandle|Process)\\b", "running processes is not allowed in policy rules"),
            rule("\\b(Thread|ThreadGroup|ThreadLocal|Executors?|ExecutorService|ForkJoinPool|Timer|CompletableFuture)\\b",
                    "threads are not allowed in policy rules"),
            rule("\\b(ClassLoader|Class\\s*\\.\\s*forName|MethodHandles?|Unsafe|SecurityManager)\\b",
                    "class loading and reflection are not allowed in policy rules"),
            rule("\\.\\s*(getClass|getDeclaredMethods?|getDeclaredFields?|getMethods?|getFields?|getConstructors?|"
                    + "getDeclaredConstructors?|newInstance|invoke|setAccessible)\\s*\\(",
                    "reflection is not allowed in policy rules"),
            rule("\\b(java\\s*\\.\\s*(io|nio|net|rmi|sql|lang\\s*\\.\\s*(reflect|invoke|management|ref))|"
                    + "javax\\s*\\.\\s*(net|naming|script|management|sql|tools)|sun\\s*\\.|com\\s*\\.\\s*sun\\s*\\.|"
                    + "jdk\\s*\\.|java\\s*\\.\\s*util\\s*\\.\\s*concurrent)\\b",
                    "file, network, JNDI, scripting and reflection packages are not allowed in policy rules"),
            rule("\\b(File|Files|Path|Paths|FileSystems?|FileInputStream|FileOutputStream|FileReader|FileWriter|"
                    + "RandomAccessFile|Socket|ServerSocket|DatagramSocket|URL|URI|URLConnection|HttpClient|"
                    + "ScriptEngineManager|InitialContext|DriverManager)\\b",
                    "file and network access is not allowed in policy rules"));

    private DrlSafety() {
    }

    /**
     * @param locate turns a 1-based line of {@code drl} into a location for the author
     *               (for generated DRL: the spreadsheet row)
     */
    static List<Problem> scan(String file, String drl, IntFunction<String> locate) {
        String code = withoutComments(drl);
        List<Problem> problems = new ArrayList<>();
        for (Forbidden f : FORBIDDEN) {
            Matcher m = f.pattern().matcher(code);
            while (m.find()) {
                int line = lineOf(code, m.start());
                problems.add(new Problem(file, locate.apply(line),
                        "refused '" + m.group().trim() + "': " + f.why()));
            }
        }
        return problems;
    }

    static List<Problem> scan(String file, String drl) {
        return scan(file, drl, line -> "line " + line);
    }

    /**
     * Blanks comments but keeps every newline, so line numbers still match the file. String
     * literals are tracked so that a {@code //} or {@code #} inside a string does not hide the
     * rest of the line from the scan.
     */
    static String withoutComments(String drl) {
        StringBuilder out = new StringBuilder(drl);
        char quote = 0;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote || c == '\n') quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' || (c == '/' && next(out, i) == '/')) {
                while (i < out.length() && out.charAt(i) != '\n') out.setCharAt(i++, ' ');
            } else if (c == '/' && next(out, i) == '*') {
                int end = out.indexOf("*/", i + 2);
                end = end < 0 ? out.length() : end + 2;
                for (; i < end; i++) if (out.charAt(i) != '\n') out.setCharAt(i, ' ');
                i--;
            }
        }
        return out.toString();
    }

    private static char next(CharSequence s, int i) {
        return i + 1 < s.length() ? s.charAt(i + 1) : 0;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    private static Forbidden rule(String regex, String why) {
        return new Forbidden(Pattern.compile(regex), why);
    }
}
