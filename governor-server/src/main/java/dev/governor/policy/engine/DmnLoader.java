package dev.governor.policy.engine;

import dev.governor.policy.PolicyLoadException;
import dev.governor.policy.PolicyLoadException.Problem;
import dev.governor.policy.engine.PolicyFiles.Kind;
import dev.governor.policy.engine.PolicyFiles.Source;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNMessageType;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidatorFactory;
import org.kie.internal.io.ResourceFactory;

import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.SAXParserFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.kie.dmn.validation.DMNValidator.Validation.ANALYZE_DECISION_TABLE;
import static org.kie.dmn.validation.DMNValidator.Validation.VALIDATE_MODEL;
import static org.kie.dmn.validation.DMNValidator.Validation.VALIDATE_SCHEMA;

/** Validates and compiles the DMN files into one shared runtime; all problems are reported at once. */
final class DmnLoader {

    /** The tables the evaluation flow consults, by file name, and the decision each must contain. */
    static final Map<String, String> REQUIRED = Map.ofEntries(
            Map.entry("reversibility.dmn", DmnTables.REVERSIBILITY),
            Map.entry("blast-radius.dmn", DmnTables.BLAST_RADIUS),
            Map.entry("governance-gate.dmn", DmnTables.GATE),
            Map.entry("approval-ttl.dmn", DmnTables.APPROVAL_TTL),
            Map.entry("budgets.dmn", DmnTables.BUDGETS),
            Map.entry("environments.dmn", DmnTables.ENVIRONMENTS),
            Map.entry("required-evidence.dmn", DmnTables.REQUIRED_EVIDENCE),
            Map.entry("sensitive-targets.dmn", DmnTables.SENSITIVE_TARGETS),
            Map.entry("egress.dmn", DmnTables.EGRESS),
            Map.entry("prerequisites.dmn", DmnTables.PREREQUISITES),
            Map.entry("autonomy-promotion.dmn", DmnTables.PROMOTION),
            Map.entry("drift-response.dmn", DmnTables.DRIFT),
            Map.entry("outcome-deadlines.dmn", DmnTables.OUTCOME_DEADLINES),
            Map.entry("exceptions.dmn", DmnTables.EXCEPTIONS),
            Map.entry("key-lifetimes.dmn", DmnTables.KEY_LIFETIMES));

    private DmnLoader() {
    }

    /** @param warnings receives what the validator found that does not stop the load */
    static DmnTables load(PolicyFiles files, List<Problem> warnings) {
        List<Source> sources = files.of(Kind.DMN);
        List<Problem> problems = new ArrayList<>(validate(sources, warnings));
        if (!problems.isEmpty()) throw new PolicyLoadException(problems);

        List<Resource> resources = sources.stream()
                .map(s -> ResourceFactory.newByteArrayResource(s.bytes()).setSourcePath(s.path())
                        .setResourceType(ResourceType.DMN))
                .toList();
        DMNRuntime runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration().fromResources(resources)
                .getOrElseThrow(e -> new PolicyLoadException(List.of(new Problem("decision-tables", null,
                        "DMN files do not compile: " + e.getMessage())), e));

        Map<String, DMNModel> byFile = new HashMap<>();
        for (DMNModel model : runtime.getModels()) {
            String path = model.getResource() == null ? model.getName() : model.getResource().getSourcePath();
            for (DMNMessage m : model.getMessages(DMNMessage.Severity.ERROR)) {
                problems.add(new Problem(path, m.getSourceId() == null ? null : "element " + m.getSourceId(), m.getText()));
            }
            byFile.put(path.substring(path.lastIndexOf('/') + 1), model);
        }
        Map<String, DMNModel> required = new HashMap<>();
        REQUIRED.forEach((file, decision) -> {
            DMNModel model = byFile.get(file);
            if (model == null) {
                problems.add(new Problem("decision-tables/" + file, null, "required decision table is missing"));
            } else if (model.getDecisionByName(decision) == null) {
                problems.add(new Problem(model.getResource().getSourcePath(), null,
                        "must contain a decision named '" + decision + "'"));
            } else {
                required.put(decision, model);
                if (decision.equals(DmnTables.PROMOTION)) {
                    problems.addAll(PromotionTable.check(model, model.getResource().getSourcePath()));
                }
            }
        });
        if (!problems.isEmpty()) throw new PolicyLoadException(problems);
        return new DmnTables(runtime, required);
    }

    /** Schema, model and decision-table analysis; {@link DmnChecks} decides what stops the load. */
    static List<Problem> validate(List<Source> sources, List<Problem> warnings) {
        List<Problem> problems = new ArrayList<>();
        DMNValidator validator = DMNValidatorFactory.newValidator();
        try {
            for (Source s : sources) {
                Problem xml = wellFormed(s);
                if (xml != null) {
                    problems.add(xml);
                    continue;
                }
                List<Problem> unreachable = CatchAll.unreachable(s);
                int problemsBefore = problems.size();
                Map<DMNMessageType, List<Problem>> byKind = new LinkedHashMap<>();
                for (DMNMessage m : validator.validate(new StringReader(s.text()),
                        VALIDATE_SCHEMA, VALIDATE_MODEL, ANALYZE_DECISION_TABLE)) {
                    if (m.getMessageType() == DMNMessageType.DECISION_TABLE_ANALYSIS_EMPTY) continue; // "nothing to report"
                    if (DmnChecks.gapAnalysisSkipped(m)) {
                        Problem uncovered = DmnChecks.uncoveredGap(s, m);
                        if (uncovered != null) problems.add(uncovered);
                        continue;
                    }
                    boolean error = DmnChecks.isError(s.path(), m);
                    if (error) problems.add(DmnChecks.problem(s.path(), m, true));
                    else byKind.computeIfAbsent(m.getMessageType(), k -> new ArrayList<>()).add(DmnChecks.problem(s.path(), m, false));
                }
                // A refused file names its unreachable rows too: they are usually why it is refused.
                (problems.size() > problemsBefore ? problems : warnings).addAll(unreachable);
                byKind.forEach((kind, found) -> warnings.add(Findings.oneLine(kind, found)));
            }
        } finally {
            validator.dispose();
        }
        return problems;
    }

    /** The KIE validator reports broken XML without a line number; a plain parser gives one. */
    private static Problem wellFormed(Source s) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newSAXParser().parse(new ByteArrayInputStream(s.bytes()), new DefaultHandler());
            return null;
        } catch (SAXParseException e) {
            return new Problem(s.path(), "line " + e.getLineNumber() + ", column " + e.getColumnNumber(),
                    "not well-formed XML: " + e.getMessage());
        } catch (Exception e) {
            return new Problem(s.path(), null, "cannot be parsed as XML: " + e.getMessage());
        }
    }
}
