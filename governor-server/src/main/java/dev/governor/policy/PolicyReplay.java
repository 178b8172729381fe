package dev.governor.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.jboss.logging.Logger;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.GovernorConfig;
import dev.governor.api.ApiException;
import dev.governor.policy.RecordedDecisions.Replayable;
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

    private final RecordedDecisions history;
    private final PolicyEngine live;
    private final ObjectMapper mapper;
    private final Path root;
    private final LoadLimits limits;

    public PolicyReplay(RecordedDecisions history, PolicyEngine live, ObjectMapper mapper, GovernorConfig config) {
        this.history = history;
        this.live = live;
        this.mapper = mapper;
        this.root = Path.of(config.policy().candidateRoot());
        this.limits = PolicyService.limits(config);
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
        Tally answers = new Tally();
        Tally verdicts = new Tally();
        Map<String, int[]> byAgent = new TreeMap<>();
        Map<String, int[]> byType = new TreeMap<>();
        List<FlipReport.Example> examples = new ArrayList<>();
        for (Replayable d : decisions) {
            EvaluationInput facts = facts(d);
            if (facts == null) {
                answers.skipped++;
                verdicts.skipped++;
                continue;
            }
            Evaluation now = candidate.evaluate(facts);
            // A request that named an approval or plan step, recorded without its state, cannot
            // have its answer replayed: the candidate would judge it as if it named none.
            boolean answerKnown = !d.namedAuthority() || facts.approval() != null || facts.planStep() != null;
            Outcome answerBefore = answerKnown ? Outcome.valueOf(d.outcome()) : null;
            Outcome verdictBefore = d.policyVerdict() == null ? null : Outcome.valueOf(d.policyVerdict());
            boolean answerFlipped = answers.count(answerBefore, now.outcome());
            boolean verdictFlipped = verdicts.count(verdictBefore, now.verdict().outcome());
            if (answerBefore == null && verdictBefore == null) continue;
            count(byAgent, d.agentId(), answerFlipped || verdictFlipped);
            count(byType, d.actionType(), answerFlipped || verdictFlipped);
            if ((answerFlipped || verdictFlipped) && examples.size() < maxExamples) {
                examples.add(new FlipReport.Example(d.id(), d.decidedAt(), d.agentId(), d.actionType(), answerBefore,
                        now.outcome(), d.reasonCodes(), now.reasons(), verdictBefore, now.verdict().outcome()));
            }
        }
        return new FlipReport(candidate.current().version(), live.current().version(), answers.replayed,
                answers.unchanged, answers.skipped, answers.flips(), groups(byAgent), groups(byType), examples,
                candidate.current().warnings(),
                new FlipReport.Comparison(verdicts.replayed, verdicts.unchanged, verdicts.skipped, verdicts.flips()));
    }

    /** One comparison (answers, or verdicts): how many were compared, kept, skipped, flipped how. */
    private static final class Tally {
        int replayed, unchanged, skipped;
        final Map<String, Integer> flips = new TreeMap<>();

        /** @return whether it flipped; a null {@code before} is unknown and skipped */
        boolean count(Outcome before, Outcome after) {
            if (before == null) {
                skipped++;
                return false;
            }
            replayed++;
            if (before == after) {
                unchanged++;
                return false;
            }
            flips.merge(before + ">" + after, 1, Integer::sum);
            return true;
        }

        List<FlipReport.Flip> flips() {
            return flips.entrySet().stream()
                    .map(e -> new FlipReport.Flip(Outcome.valueOf(e.getKey().split(">")[0]),
                            Outcome.valueOf(e.getKey().split(">")[1]), e.getValue()))
                    .sorted(Comparator.comparingInt(FlipReport.Flip::count).reversed())
                    .toList();
        }
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
