package dev.governor.policy.engine;

import dev.governor.policy.PolicyLoadException.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Keeps validator warnings readable: duplicates dropped, at most a handful per file. */
final class Findings {

    static final int MAX_PER_FILE = 10;

    private Findings() {
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
