package dev.governor.policy.engine;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.stmt.BlockStmt;
import dev.governor.policy.PolicyLoadException.Problem;
import org.drools.drl.ast.descr.*;
import org.drools.drl.parser.DrlParser;
import org.drools.mvel.parser.DrlxParser;
import org.drools.mvel.parser.MvelParser;
import org.drools.mvel.parser.ast.expr.DrlxExpression;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Policy rules are untrusted input. Parses a DRL file (hand-written, or generated from a
 * spreadsheet) with the Drools parser, then every expression in it (imports, globals, pattern
 * constraints, {@code eval}, {@code from}, {@code accumulate}, consequences) with JavaParser, and
 * refuses whatever {@link Allowed} does not list. Runs before anything is compiled, so a refused
 * file never reaches the compiler, let alone a session.
 *
 * <p>Unicode escapes are decoded first (the Java compiler would), so the check sees what would
 * run; a file containing one is refused as well. Functions, type declarations, the MVEL dialect
 * and timers are refused: none can be checked as strictly as a Java consequence.
 */
final class DrlSandbox {

    private static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group",
            "activation-group", "ruleflow-group", "auto-focus", "dialect");
    private static final Pattern BINDING = Pattern.compile("\\$?[a-z][A-Za-z0-9_]*");
    private static final Set<String> PACKAGE_NAMES = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io",
            "dev", "drools", "kcontext");

    private final String file;
    private final IntFunction<String> locate;
    private final List<Problem> problems = new ArrayList<>();
    private List<String> imports = List.of();
    private String text = "";

    private DrlSandbox(String file, IntFunction<String> locate) {
        this.file = file;
        this.locate = locate;
    }

    static List<Problem> check(String file, String drl) {
        return check(file, drl, line -> "line " + line);
    }

    /** @param locate turns a line of {@code drl} into what the author sees (a spreadsheet cell) */
    static List<Problem> check(String file, String drl, IntFunction<String> locate) {
        DrlSandbox sandbox = new DrlSandbox(file, locate);
        UnicodeEscapes.Decoded decoded = UnicodeEscapes.decode(drl);
        decoded.lines().forEach(line -> sandbox.refuse(line, "a unicode escape (\\u...); write the character itself"));
        sandbox.checkPackage(decoded.text());
        return List.copyOf(sandbox.problems);
    }

    private void checkPackage(String drl) {
        text = drl;
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, drl);
        } catch (Exception e) {
            refuse(0, "cannot be parsed: " + e.getMessage());
            return;
        }
        if (parser.hasErrors() || pkg == null) {
            parser.getErrors().forEach(e -> refuse(e.getLines() != null && e.getLines().length > 0 ? e.getLines()[0] : 0,
                    "cannot be parsed, so it cannot be checked: " + e.getMessage()));
            return;
        }
        if (!pkg.getName().equals("governor") && !pkg.getName().startsWith("governor.")) {
            refuse(1, "package " + pkg.getName() + "; a policy's package must be governor or start with governor.");
        }
        List<String> targets = new ArrayList<>();
        for (ImportDescr i : pkg.getImports()) {
            String t = i.getTarget();
            boolean ok = t.endsWith(".*") ? Allowed.isAllowedPackage(t.substring(0, t.length() - 2)) : Allowed.isAllowedType(t);
            if (ok) targets.add(t);
            else refuse(i.getLine(), "imports " + t + ", which a rule may not use; " + Allowed.SUMMARY);
        }
        imports = List.copyOf(targets);
        pkg.getFunctionImports().forEach(f -> refuse(f.getLine(), "imports function " + f.getTarget() + ", which a rule may not use"));
        pkg.getAccumulateImports().forEach(a -> refuse(a.getLine(), "imports accumulate " + a.getTarget() + ", which a rule may not use"));
        pkg.getFunctions().forEach(f -> refuse(f.getLine(), "declares function " + f.getName()
                + "; functions are not allowed (write the logic in the rule)"));
        pkg.getClassAndEnumDeclarationDescrs().forEach(d -> refuse(d.getLine(), "declares type " + d.getTypeName()
                + "; a rule works on Governor's fact types only"));
        pkg.getEntryPointDeclarations().forEach(d -> refuse(d.getLine(), "declares an entry point, which a rule may not use"));
        pkg.getWindowDeclarations().forEach(d -> refuse(d.getLine(), "declares a window, which a rule may not use"));
        pkg.getAttributes().forEach(a -> attribute(a, 0));
        Set<String> globals = new HashSet<>();
        for (GlobalDescr g : pkg.getGlobals()) {
            String type = g.getType();
            if (!(Allowed.isAllowedType(type) || Allowed.resolve(type, imports).isPresent())) {
                refuse(g.getLine(), "declares global " + g.getIdentifier() + " of type " + type + ", which a rule may not use");
            }
            globals.add(g.getIdentifier());
        }
        for (RuleDescr rule : pkg.getRules()) rule(rule, globals);
    }

    private void rule(RuleDescr rule, Set<String> globals) {
        rule.getAttributes().values().forEach(a -> attribute(a, rule.getLine()));
        Set<String> variables = new LinkedHashSet<>(globals);
        List<Runnable> checks = new ArrayList<>();
        lhs(rule.getLhs(), null, variables, checks);
        checks.forEach(Runnable::run);
        if (rule.getConsequence() instanceof String code) consequence(code, codeLine(rule, code), variables);
        for (Map.Entry<String, Object> named : rule.getNamedConsequences().entrySet()) {
            if (named.getValue() instanceof String code) consequence(code, rule.getConsequenceLine(), variables);
        }
    }

    /** The file line the consequence text starts on (the parser's own line number may be the 'then' line). */
    private int codeLine(RuleDescr rule, String code) {
        int at = text.indexOf(code, Math.max(0, rule.getConsequenceOffset() - 1));
        if (at < 0) return rule.getConsequenceLine();
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private void attribute(AttributeDescr a, int line) {
        String name = a.getName();
        int at = a.getLine() > 0 ? a.getLine() : line;
        if (!ATTRIBUTES.contains(name)) {
            refuse(at, "uses the rule attribute '" + name + "', which a rule may not use; allowed: " + ATTRIBUTES);
        } else if ("dialect".equals(name) && !"java".equals(a.getValue())) {
            refuse(at, "uses dialect \"" + a.getValue() + "\"; only the java dialect can be checked, so only it is allowed");
        } else if ("salience".equals(name) && !a.getValue().trim().matches("-?\\d+")) {
            refuse(at, "salience " + a.getValue() + "; salience must be a whole number");
        }
    }

    /** Collects bindings first (a consequence may use every one), and queues the expression checks. */
    private void lhs(BaseDescr d, Class<?> fact, Set<String> variables, List<Runnable> checks) {
        if (d == null) return;
        if (d instanceof PatternDescr p) {
            binding(p.getIdentifier(), p.getLine(), variables);
            Class<?> type = patternType(p);
            for (BaseDescr c : p.getDescrs()) lhs(c, type, variables, checks);
            if (p.getSource() != null) lhs(p.getSource(), null, variables, checks);
        } else if (d instanceof ExprConstraintDescr e) {
            constraint(e.getExpression(), e.getLine(), fact, variables, checks);
        } else if (d instanceof EvalDescr e) {
            expression(String.valueOf(e.getContent()), e.getLine(), variables, checks);
        } else if (d instanceof FromDescr f) {
            expression(f.getDataSource().getText(), f.getLine(), variables, checks);
        } else if (d instanceof CollectDescr c) {
            lhs(c.getInputPattern(), null, variables, checks);
        } else if (d instanceof AccumulateDescr a) {
            accumulate(a, variables, checks);
        } else if (d instanceof ConditionalElementDescr ce && !(d instanceof ConditionalBranchDescr)) {
            for (Object o : ce.getDescrs()) lhs((BaseDescr) o, fact, variables, checks);
        } else if (!(d instanceof EntryPointDescr)) {
            refuse(d.getLine(), "uses " + d.getClass().getSimpleName().replace("Descr", "")
                    + ", which a rule may not use");
        }
    }

    private void accumulate(AccumulateDescr a, Set<String> variables, List<Runnable> checks) {
        if (a.getInitCode() != null || a.getActionCode() != null || a.getResultCode() != null || a.getReverseCode() != null) {
            refuse(a.getLine(), "an accumulate with its own code (init/action/result), which a rule may not use;"
                    + " use one of " + Allowed.ACCUMULATE);
        }
        lhs(a.getInput(), null, variables, checks);
        for (AccumulateDescr.AccumulateFunctionCallDescr f : a.getFunctions()) {
            if (!Allowed.ACCUMULATE.contains(f.getFunction())) {
                refuse(a.getLine(), "accumulates with " + f.getFunction() + ", which a rule may not use; use one of " + Allowed.ACCUMULATE);
            }
            binding(f.getBind(), a.getLine(), variables);
            for (String param : f.getParams()) expression(param, a.getLine(), variables, checks);
        }
    }

    private Class<?> patternType(PatternDescr p) {
        String type = p.getObjectType();
        String fqn = Allowed.resolve(type, imports).orElse(type);
        if (!Allowed.isAllowedType(fqn)) {
            refuse(p.getLine(), "matches " + type + ", which is not a fact type a rule may use; " + Allowed.SUMMARY);
            return null;
        }
        return Allowed.typeOf(fqn);
    }

    private void binding(String name, int line, Set<String> variables) {
        if (name == null) return;
        if (!BINDING.matcher(name).matches() || PACKAGE_NAMES.contains(name)) {
            refuse(line, "binds '" + name + "'; a binding starts with $ or a lower-case letter and is not a package name");
        }
        variables.add(name);
    }

    private void constraint(String text, int line, Class<?> fact, Set<String> variables, List<Runnable> checks) {
        DrlxExpression parsed;
        try {
            parsed = DrlxParser.parseExpression(DrlxParser.buildDrlxParserWithArguments(Set.of()), text);
        } catch (RuntimeException e) {
            refuse(line, "the constraint '" + text.trim() + "' cannot be parsed, so it cannot be checked");
            return;
        }
        if (parsed.getBind() != null) binding(parsed.getBind().asString(), line, variables);
        checks.add(() -> found(CodeCheck.expression(parsed.getExpr(), imports, variables, fact), line));
    }

    private void expression(String text, int line, Set<String> variables, List<Runnable> checks) {
        com.github.javaparser.ast.expr.Expression parsed;
        try {
            parsed = MvelParser.parseExpression(text);
        } catch (RuntimeException e) {
            refuse(line, "the expression '" + text.trim() + "' cannot be parsed, so it cannot be checked");
            return;
        }
        checks.add(() -> found(CodeCheck.expression(parsed, imports, variables, null), line));
    }

    private void consequence(String code, int line, Set<String> variables) {
        if (code.contains(CodeCheck.MODIFY_BLOCK)) refuse(line, "uses " + CodeCheck.MODIFY_BLOCK + ", a name reserved by the check");
        String java = ModifyBlocks.rewrite(code);
        ParseResult<BlockStmt> parsed = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parseBlock("{" + java + "\n}");
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            int at = parsed.getProblems().stream().flatMap(p -> p.getLocation().stream())
                    .map(l -> l.getBegin().getRange().map(r -> r.begin.line).orElse(1)).findFirst().orElse(1);
            refuse(line + at - 1, "the consequence cannot be parsed as Java, so it cannot be checked: "
                    + parsed.getProblems().stream().findFirst().map(p -> p.getMessage().lines().findFirst().orElse("")).orElse(""));
            return;
        }
        found(CodeCheck.consequence(parsed.getResult().get(), imports, variables), line);
    }

    private void found(List<CodeCheck.Finding> findings, int line) {
        for (CodeCheck.Finding f : findings) refuse(line + f.line() - 1, f.what());
    }

    private void refuse(int line, String what) {
        String message = what.contains("allowed:") ? what : what + "; " + Allowed.SUMMARY;
        problems.add(new Problem(file, line > 0 ? locate.apply(line) : null, message));
    }
}
