package dev.governor.policy.engine;

import dev.governor.policy.PolicyLoadException.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Keeps validator warnings readable: one line per kind of finding and file, at most a handful per file. */
final class Findings {

    static final int MAX_PER_FILE = 10;

    private Findings() {
    }

    /** "misleading rule: 47 findings, e.g. Rule 1 is a misleading rule ..." for the findings of one kind in one file. */
    static Problem oneLine(Object kind, List<Problem> found) {
        Problem first = found.get(0);
        String label = kind == null ? "finding" : kind.toString().toLowerCase(java.util.Locale.ROOT)
                .replace("decision_table_", "").replace('_', ' ');
        if (found.size() == 1) return new Problem(first.file(), first.location(), label + ": " + first.message());
        return new Problem(first.file(), first.location(), label + ": " + found.size() + " findings, e.g. " + first.message());
    }

    static List<Problem> summarise(List<Problem> warnings) {
        Map<String, Set<Problem>> byFile = new LinkedHashMap<>();
        warnings.forEach(w -> byFile.computeIfAbsent(w.file(), f -> new LinkedHashSet<>()).add(w));
        List<Problem> out = new ArrayList<>();
        byFile.forEach((file, problems) -> {
            problems.stream().limit(MAX_PER_FILE).forEach(out::add);
            if (problems.size() > MAX_PER_FILE) {
                out.add(new Problem(file, null, "and " + (problems.size() - MAX_PER_FILE) + " more warnings like these"));
            }
        });
        return List.copyOf(out);
    }
}
