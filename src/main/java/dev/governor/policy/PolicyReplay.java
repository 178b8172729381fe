package dev.governor.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.jboss.logging.Logger;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.GovernorConfig;
import dev.governor.api.ApiException;
import dev.governor.decision.DecisionHistory;
import dev.governor.decision.DecisionHistory.Replayable;
import dev.governor.policy.engine.KiePolicyEngine;
import dev.governor.policy.engine.LoadLimits;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Shadow evaluation: replays recorded decisions against a candidate policy directory. */
@ApplicationScoped
public class PolicyReplay {

    private static final Logger LOG = Logger.getLogger(PolicyReplay.class);

    private final DecisionHistory history;
    private final PolicyEngine live;
    private final ObjectMapper mapper;
    private final Path root;
    private final LoadLimits limits;

    public PolicyReplay(DecisionHistory history, PolicyEngine live, ObjectMapper mapper, GovernorConfig config) {
        this.history = history;
        this.live = live;
        this.mapper = mapper;
        this.root = Path.of(config.policy().candidateRoot());
        this.limits = new LoadLimits(config.policy().maxFileBytes());
    }

    public FlipReport replay(ReplayRequest request) {
        if (request.last() != null && (request.from() != null || request.to() != null)) {
            throw ApiException.invalid("last", "give either last or from/to, not both");
        }
        if ((request.from() == null) != (request.to() == null)) {
            throw ApiException.invalid(request.from() == null ? "from" : "to", "from and to go together");
        }
        if (request.from() != null && !request.from().isBefore(request.to())) {
            throw ApiException.invalid("to", "must be after from");
        }
        Path rules = candidateDir("candidate.rulesDir", request.candidate().rulesDir());
        Path tables = candidateDir("candidate.tablesDir", request.candidate().tablesDir());
        KiePolicyEngine candidate;
        try {
            candidate = KiePolicyEngine.load(rules, tables, limits);
        } catch (PolicyLoadException e) {
            throw PolicyProblems.rejected("The candidate policy does not load", e.problems());
        }
        List<Replayable> decisions = request.from() != null
                ? history.between(request.from(), request.to(), ReplayRequest.MAX_RANGE)
                : history.latest(request.last() == null ? ReplayRequest.DEFAULT_LAST : request.last());
        int examples = request.examples() == null ? ReplayRequest.DEFAULT_EXAMPLES : request.examples();
        return compare(candidate, decisions, examples);
    }

    private FlipReport compare(KiePolicyEngine candidate, List<Replayable> decisions, int maxExamples) {
        int replayed = 0, unchanged = 0, skipped = 0;
        Map<String, Integer> flips = new TreeMap<>();
        Map<String, int[]> byAgent = new TreeMap<>();
        Map<String, int[]> byType = new TreeMap<>();
        List<FlipReport.Example> examples = new ArrayList<>();
        for (Replayable d : decisions) {
            EvaluationInput facts = facts(d);
            if (facts == null) {
                skipped++;
                continue;
            }
            Evaluation now = candidate.evaluate(facts);
            Outcome before = Outcome.valueOf(d.outcome());
            boolean flipped = now.outcome() != before;
            replayed++;
            count(byAgent, d.agentId(), flipped);
            count(byType, d.actionType(), flipped);
            if (!flipped) {
                unchanged++;
                continue;
            }
            flips.merge(before + ">" + now.outcome(), 1, Integer::sum);
            if (examples.size() < maxExamples) {
                examples.add(new FlipReport.Example(d.id(), d.decidedAt(), d.agentId(), d.actionType(), before,
                        now.outcome(), d.reasonCodes(), now.reasons()));
            }
        }
        List<FlipReport.Flip> flipList = flips.entrySet().stream()
                .map(e -> new FlipReport.Flip(Outcome.valueOf(e.getKey().split(">")[0]),
                        Outcome.valueOf(e.getKey().split(">")[1]), e.getValue()))
                .sorted(Comparator.comparingInt(FlipReport.Flip::count).reversed())
                .toList();
        return new FlipReport(candidate.current().version(), live.current().version(), replayed, unchanged, skipped,
                flipList, groups(byAgent), groups(byType), examples, candidate.current().warnings());
    }

    private EvaluationInput facts(Replayable d) {
        if (d.factsJson() == null) return null;
        try {
            // Facts recorded by another Governor version may carry fields this one does not know
            // (or derived ones such as action.mutating): replay what can be read.
            return mapper.readerFor(EvaluationInput.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(d.factsJson());
        } catch (JsonProcessingException e) {
            LOG.warnf("decision %s cannot be replayed: its stored facts do not read back (%s)",
                    d.id(), e.getOriginalMessage());
            return null;
        }
    }

    private static void count(Map<String, int[]> groups, String key, boolean flipped) {
        int[] c = groups.computeIfAbsent(key == null ? "" : key, k -> new int[2]);
        c[0]++;
        if (flipped) c[1]++;
    }

    private static List<FlipReport.Group> groups(Map<String, int[]> groups) {
        return groups.entrySet().stream().map(e -> new FlipReport.Group(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingInt(FlipReport.Group::flipped).reversed()).toList();
    }

    /**
     * A candidate directory must exist, be readable, and lie inside the candidate root once every
     * symbolic link is resolved: a policy path must not become a way to read arbitrary files.
     */
    private Path candidateDir(String field, String value) {
        Path dir;
        try {
            Path realRoot = root.toRealPath();
            dir = realRoot.resolve(value).toRealPath();
            if (!dir.startsWith(realRoot)) {
                throw ApiException.invalid(field, "must be a directory inside the candidate root (governor.policy.candidate-root)");
            }
        } catch (NoSuchFileException e) {
            throw ApiException.invalid(field, "directory does not exist");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw ApiException.invalid(field, "is not a usable directory");
        }
        if (!Files.isDirectory(dir) || !Files.isReadable(dir)) throw ApiException.invalid(field, "must be a readable directory");
        return dir;
    }
}
