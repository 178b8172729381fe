package dev.governor.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sensitive values of one request ({@link SensitiveFields#values}), to mask wherever they
 * turn up in text Governor stores or shows: each is replaced by its keyed hash wherever it occurs,
 * a number where it stands alone (so {@code 40} is masked in "is 40, below" but not in "400").
 * Masking too much is the safe way to be wrong.
 */
public final class SensitiveValues {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private final List<Map.Entry<Pattern, String>> patterns;

    SensitiveValues(Map<String, String> hashes) {
        this.patterns = hashes.entrySet().stream().filter(e -> !e.getKey().isEmpty())
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .map(e -> Map.entry(pattern(e.getKey()), e.getValue()))
                .toList();
    }

    /** A number is masked where it stands alone; any other text wherever it occurs. */
    private static Pattern pattern(String value) {
        String quoted = Pattern.quote(value);
        return NUMBER.matcher(value).matches() ? Pattern.compile("(?<![\\w.])" + quoted + "(?![\\w]|\\.\\d)")
                : Pattern.compile(quoted);
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** {@code text} with every sensitive value in it masked; null stays null. */
    public String mask(String text) {
        if (text == null || patterns.isEmpty()) return text;
        String out = text;
        for (Map.Entry<Pattern, String> p : patterns) {
            out = p.getKey().matcher(out).replaceAll(Matcher.quoteReplacement(p.getValue()));
        }
        return out;
    }

    /** A copy of {@code tree} with every text in it masked. */
    public JsonNode mask(JsonNode tree) {
        if (tree == null || patterns.isEmpty()) return tree;
        JsonNode copy = tree.deepCopy();
        maskIn(copy);
        return copy;
    }

    private void maskIn(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual()) e.setValue(TextNode.valueOf(mask(e.getValue().textValue())));
                else maskIn(e.getValue());
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) array.set(i, TextNode.valueOf(mask(array.get(i).textValue())));
                else maskIn(array.get(i));
            }
        }
    }
}
