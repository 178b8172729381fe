package dev.governor.mcp;

import dev.governor.client.ActionRequest;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one tool call into the Governor action its mapping rule describes. */
public final class ActionMapper {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");
    private static final Pattern ARGUMENT = Pattern.compile("^\\{([A-Za-z0-9_.-]+)}$");
    private static final Pattern COUNT = Pattern.compile("^count\\(\\{([A-Za-z0-9_.-]+)}\\)$");

    private final MappingFile mapping;

    public ActionMapper(MappingFile mapping) {
        this.mapping = mapping;
    }

    /** The action of the first rule that matches, or empty: the call is then refused. */
    public Optional<ActionRequest.Action> map(String tool, Map<String, Object> arguments) {
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        return mapping.tools().stream()
                .filter(rule -> rule.tool().equals(tool) && matches(rule.when(), args))
                .findFirst()
                .map(rule -> action(rule, args));
    }

    private ActionRequest.Action action(MappingFile.Rule rule, Map<String, Object> args) {
        String environment = rule.environment() != null ? rule.environment() : mapping.environment();
        MappingFile.Impact impact = rule.impact();
        ActionRequest.Impact figures = impact == null ? null : new ActionRequest.Impact(
                whole(figure(impact.records(), args)), whole(figure(impact.users(), args)),
                figure(impact.monetaryValue(), args));
        return new ActionRequest.Action(rule.action(), environment, expand(rule.target(), args), figures,
                expand(rule.rollbackPlan(), args));
    }

    private static boolean matches(Map<String, String> when, Map<String, Object> args) {
        return when.entrySet().stream().allMatch(pattern -> {
            Object value = lookup(args, pattern.getKey());
            return value != null && glob(pattern.getValue()).matcher(String.valueOf(value)).matches();
        });
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Fails when an argument the template names is absent: a guessed target would mislead the policy. */
    private static String expand(String template, Map<String, Object> args) {
        if (template == null) return null;
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = lookup(args, m.group(1));
            if (value == null) throw new MappingException("argument '" + m.group(1) + "' is missing; the mapping needs it");
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        return m.appendTail(out).toString();
    }

    /** A number, an argument read as a number, or the size of a list argument; null (unknown) otherwise. */
    private static BigDecimal figure(Object spec, Map<String, Object> args) {
        if (spec == null) return null;
        if (spec instanceof Number n) return new BigDecimal(n.toString());
        String text = spec.toString().trim();
        Matcher count = COUNT.matcher(text);
        if (count.matches()) {
            Object value = lookup(args, count.group(1));
            return value instanceof Collection<?> c ? BigDecimal.valueOf(c.size()) : null;
        }
        Matcher argument = ARGUMENT.matcher(text);
        Object value = argument.matches() ? lookup(args, argument.group(1)) : text;
        try {
            return value == null ? null : new BigDecimal(value.toString());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Long whole(BigDecimal figure) {
        if (figure == null || figure.signum() < 0) return null;
        try {
            return figure.longValueExact();
        } catch (ArithmeticException fraction) {
            return null;
        }
    }

    private static Object lookup(Map<String, Object> args, String path) {
        Object current = args;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) return null;
            current = map.get(part);
        }
        return current;
    }
}
