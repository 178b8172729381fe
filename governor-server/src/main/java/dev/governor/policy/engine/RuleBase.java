package dev.governor.policy.engine;

import dev.governor.policy.PolicyLoadException;
import dev.governor.policy.PolicyLoadException.Problem;
import dev.governor.policy.engine.PolicyFiles.Kind;
import dev.governor.policy.engine.PolicyFiles.Source;
import dev.governor.policy.engine.facts.Decision;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Drools side of the policy: every {@code .drl} file plus every spreadsheet decision table,
 * compiled once into one KieBase. Spreadsheets are turned into DRL first so that a compile error
 * can be traced back to the spreadsheet row it came from.
 *
 * @param origins where each rule came from, by rule name
 */
record RuleBase(KieBase kieBase, Map<String, RuleOrigin> origins) {

    // KIE paths mirror the shipped packages (governor.rules, governor.tables) so that KIE does not
    // warn about package/folder mismatches; policy paths are mapped back for every message.
    private static final String RULES_PATH = "src/main/resources/governor/rules/";
    private static final String TABLES_PATH = "src/main/resources/governor/tables/";

    /** A DRL rule, or a spreadsheet row ({@code table} and {@code row} set). */
    record RuleOrigin(String file, String table, Integer row) {
        boolean isTableRow() {
            return table != null;
        }
    }

    static RuleBase compile(PolicyFiles files) {
        LoadLimits.applyZipLimits();
        List<Problem> problems = new ArrayList<>();
        Map<String, String> generated = new HashMap<>();
        Map<String, String> policyPaths = new HashMap<>();
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        for (Source drl : files.of(Kind.DRL)) {
            String kiePath = RULES_PATH + fileName(drl.path());
            policyPaths.put(kiePath, drl.path());
            problems.addAll(DrlSandbox.check(drl.path(), drl.text()));
            kfs.write(kiePath, drl.bytes());
        }
        for (Source xlsx : files.of(Kind.XLSX)) {
            try {
                String text = new SpreadsheetCompiler().compile(new ByteArrayInputStream(xlsx.bytes()), InputType.XLS);
                String kiePath = TABLES_PATH + fileName(xlsx.path()) + ".drl";
                generated.put(xlsx.path(), text);
                problems.addAll(DrlSandbox.check(xlsx.path(), text, line -> SpreadsheetRows.locate(text, line)));
                policyPaths.put(kiePath, xlsx.path());
                kfs.write(kiePath, text);
            } catch (RuntimeException e) {
                problems.add(new Problem(xlsx.path(), null, "not a readable decision table: " + rootMessage(e)));
            }
        }
        if (!problems.isEmpty()) throw new PolicyLoadException(problems);

        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(DrlProject.class);
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(problem(m, generated, policyPaths));
        }
        if (!problems.isEmpty()) throw new PolicyLoadException(problems);

        KieBase kieBase = ks.newKieContainer(builder.getKieModule().getReleaseId()).getKieBase();
        requireDecisionGlobal(kieBase);
        return new RuleBase(kieBase, origins(kieBase, generated, policyPaths));
    }

    private static void requireDecisionGlobal(KieBase kieBase) {
        boolean declared = kieBase.getKiePackages().stream().flatMap(p -> p.getGlobalVariables().stream())
                .anyMatch(g -> "decision".equals(g.getName()) && Decision.class.getName().equals(g.getType()));
        // plans.drl declares the global too, so the combining rule itself must be there.
        boolean combines = kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .anyMatch(r -> "most-restrictive-wins".equals(r.getName()));
        if (!declared || !combines) {
            throw new PolicyLoadException(List.of(new Problem("rules", null,
                    "no rule file declares 'global " + Decision.class.getName()
                            + " decision;' with the combining rule \"most-restrictive-wins\" (rules/combining.drl)"
                            + " that writes the outcome there")));
        }
    }

    private static Map<String, RuleOrigin> origins(KieBase kieBase, Map<String, String> generated,
                                                   Map<String, String> policyPaths) {
        Map<String, Integer> rows = new HashMap<>();
        generated.values().forEach(drl -> rows.putAll(SpreadsheetRows.ruleRows(drl)));
        Map<String, RuleOrigin> origins = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String path = rule instanceof RuleImpl impl && impl.getResource() != null
                        ? policyPath(policyPaths, impl.getResource().getSourcePath()) : null;
                origins.put(rule.getName(), origin(path, rule.getName(), rows));
            }
        }
        return Map.copyOf(origins);
    }

    private static RuleOrigin origin(String path, String ruleName, Map<String, Integer> rows) {
        if (path == null) return new RuleOrigin("rules", null, null);
        if (path.endsWith(".xlsx")) {
            String name = fileName(path);
            return new RuleOrigin(path, name.substring(0, name.length() - ".xlsx".length()), rows.get(ruleName));
        }
        return new RuleOrigin(path, null, null);
    }

    private static Problem problem(Message m, Map<String, String> generated, Map<String, String> policyPaths) {
        String path = m.getPath() == null ? "rules" : policyPath(policyPaths, m.getPath());
        if (generated.containsKey(path)) {
            return new Problem(path, SpreadsheetRows.locate(generated.get(path), m.getLine()), oneLine(m.getText()));
        }
        return new Problem(path, m.getLine() > 0 ? "line " + m.getLine() : null, oneLine(m.getText()));
    }

    /** KIE reports a resource's path with or without the src/main/resources/ prefix. */
    private static String policyPath(Map<String, String> policyPaths, String kiePath) {
        String path = policyPaths.get(kiePath);
        if (path == null) path = policyPaths.get("src/main/resources/" + kiePath);
        return path == null ? kiePath : path;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return oneLine(t.getMessage() == null ? t.toString() : t.getMessage());
    }
}
