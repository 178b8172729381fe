package dev.governor.policy.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.*;
import com.github.javaparser.ast.stmt.*;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.HalfPointFreeExpr;
import org.drools.mvel.parser.ast.expr.NullSafeFieldAccessExpr;
import org.drools.mvel.parser.ast.expr.NullSafeMethodCallExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one parsed expression or consequence block against {@link Allowed}. Names are resolved
 * the way the Java compiler resolves them (a variable in scope, then a type, then a package), so
 * a type cannot hide behind a fully qualified name, an alias or a shadowing variable.
 *
 * @param fact the pattern's fact class, whose properties and methods a constraint may use
 *             without a receiver; null outside a pattern
 */
final class CodeCheck {

    /** A refused construct; {@code line} is 1-based within the checked snippet. */
    record Finding(int line, String what) {
    }

    static final String MODIFY_BLOCK = "__governorModifyBlock";

    private final List<String> imports;
    private final Set<String> ruleVariables;
    private final Class<?> fact;
    private final boolean consequence;
    private final List<Finding> findings = new ArrayList<>();
    private final Deque<Set<String>> scopes = new ArrayDeque<>();
    private int modifyDepth;

    private CodeCheck(List<String> imports, Set<String> ruleVariables, Class<?> fact, boolean consequence) {
        this.imports = imports;
        this.ruleVariables = ruleVariables;
        this.fact = fact;
        this.consequence = consequence;
    }

    static List<Finding> expression(Node node, List<String> imports, Set<String> variables, Class<?> fact) {
        CodeCheck check = new CodeCheck(imports, variables, fact, false);
        check.visit(node);
        return check.findings;
    }

    static List<Finding> consequence(BlockStmt block, List<String> imports, Set<String> variables) {
        CodeCheck check = new CodeCheck(imports, variables, null, true);
        check.visit(block);
        return check.findings;
    }

    private void visit(Node n) {
        if (n instanceof BlockStmt || n instanceof SwitchStmt || n instanceof SwitchExpr) {
            scopes.push(new HashSet<>()); // a name declared inside is gone after it, as for javac
            n.getChildNodes().forEach(this::visit);
            scopes.pop();
        } else if (n instanceof ForStmt || n instanceof ForEachStmt || n instanceof WhileStmt || n instanceof DoStmt) {
            refuse(n, "a loop (" + n.getClass().getSimpleName().replace("Stmt", "").toLowerCase() + "); a rule may not loop");
        } else if (n instanceof LabeledStmt || n instanceof SynchronizedStmt || n instanceof TryStmt
                || n instanceof LocalClassDeclarationStmt || n instanceof LocalRecordDeclarationStmt) {
            refuse(n, "a " + n.getClass().getSimpleName().replace("Stmt", "") + " statement, which a rule may not use");
        } else if (n instanceof ClassExpr c) {
            refuse(n, "a class literal (" + c.getType().asString() + ".class), which a rule may not use");
        } else if (n instanceof LambdaExpr || n instanceof MethodReferenceExpr) {
            refuse(n, "a lambda or method reference, which a rule may not use");
        } else if (n instanceof ArrayCreationExpr) {
            refuse(n, "an array creation, which a rule may not use");
        } else if (n instanceof PatternExpr || n instanceof SuperExpr || (consequence && n instanceof ThisExpr)) {
            refuse(n, "'" + n + "', which a rule may not use");
        } else if (n instanceof ObjectCreationExpr o) {
            type(o.getType());
            if (o.getAnonymousClassBody().isPresent()) refuse(n, "an anonymous class, which a rule may not use");
            o.getScope().ifPresent(this::visit);
            o.getArguments().forEach(this::visit);
        } else if (n instanceof ClassOrInterfaceType t) {
            type(t);
        } else if (n instanceof VariableDeclarator v) {
            type(v.getType());
            v.getInitializer().ifPresent(this::visit);
            if (!scopes.isEmpty()) scopes.peek().add(v.getNameAsString());
        } else if (n instanceof MethodCallExpr m) {
            m.getTypeArguments().ifPresent(types -> types.forEach(this::visit));
            call(m, m.getNameAsString(), m.getScope().orElse(null), m.getArguments());
        } else if (n instanceof NullSafeMethodCallExpr m) {
            call(m, m.getNameAsString(), m.getScope().orElse(null), m.getArguments());
        } else if (n instanceof FieldAccessExpr f) {
            property(f, f.getNameAsString());
            scopeOf(f, f.getScope());
        } else if (n instanceof NullSafeFieldAccessExpr f) {
            property(f, f.getNameAsString());
            visit(f.getScope());
        } else if (n instanceof NameExpr name) {
            standalone(name);
        } else if (n instanceof DrlxExpression d) {
            visit(d.getExpr());
        } else if (n instanceof PointFreeExpr p) {
            visit(p.getLeft());
            p.getRight().forEach(this::visit);
        } else if (n instanceof HalfPointFreeExpr p) {
            p.getRight().forEach(this::visit);
        } else if (n instanceof HalfBinaryExpr h) {
            visit(h.getRight());
        } else if (n.getClass().getName().startsWith("org.drools.")) {
            refuse(n, "the construct " + n.getClass().getSimpleName() + ", which cannot be checked and so may not be used");
        } else {
            n.getChildNodes().forEach(this::visit);
        }
    }

    private void call(Node n, String name, Expression scope, List<Expression> args) {
        if (Allowed.METHODS.contains(name)) refuse(n, "calls " + name + "(), which a rule may not use");
        if (MODIFY_BLOCK.equals(name)) {
            modifyDepth++;
            args.forEach(this::visit);
            modifyDepth--;
            return;
        }
        if (scope == null) {
            if (modifyDepth > 0) {
                // a setter of the modified fact
            } else if (consequence && !Allowed.MACROS.contains(name)) {
                refuse(n, "calls " + name + "(), which is not one of " + Allowed.MACROS);
            } else if (!consequence && fact != null && !hasMethod(fact, name)) {
                refuse(n, "calls " + name + "(), which " + fact.getSimpleName() + " does not have");
            } else if (!consequence && fact == null) {
                refuse(n, "calls " + name + "() without a receiver, which only works inside a pattern");
            }
        } else if (isDrools(scope)) {
            droolsCall(n, scope, name, args);
            return;
        } else {
            scopeOf(n, scope);
        }
        args.forEach(this::visit);
    }

    /** drools.getRule().getName() and drools.getMatch().getSalience(): reading, nothing else. */
    private void droolsCall(Node n, Expression scope, String name, List<Expression> args) {
        boolean ok = args.isEmpty() && scope instanceof MethodCallExpr inner && inner.getArguments().isEmpty()
                && inner.getScope().filter(CodeCheck::isDroolsName).isPresent()
                && ("getRule".equals(inner.getNameAsString()) && "getName".equals(name)
                || "getMatch".equals(inner.getNameAsString()) && "getSalience".equals(name));
        if (!ok) refuse(n, "uses drools." + describe(n) + ", which a rule may not use (only drools.getRule().getName())");
    }

    private static boolean isDrools(Expression scope) {
        return scope instanceof MethodCallExpr m && m.getScope().filter(CodeCheck::isDroolsName).isPresent();
    }

    private static boolean isDroolsName(Expression e) {
        return e instanceof NameExpr n && "drools".equals(n.getNameAsString());
    }

    /** The receiver of a call or field access: a value, or a type that must be on the allow-list. */
    private void scopeOf(Node n, Expression scope) {
        List<String> chain = chain(scope);
        if (chain == null) {
            visit(scope);
            return;
        }
        String first = chain.get(0);
        if (isVariable(first)) {
            if ("kcontext".equals(first) || "drools".equals(first)) refuse(n, "uses " + first + "." + describe(n)
                    + ", which a rule may not use (only drools.getRule().getName())");
            return;
        }
        if (!consequence && fact != null && hasProperty(fact, first)) return;
        Optional<String> simple = Allowed.resolve(first, imports);
        if (simple.isPresent()) return;
        for (int i = 1; i <= chain.size(); i++) {
            if (Allowed.isAllowedType(String.join(".", chain.subList(0, i)))) return;
        }
        refuse(n, "uses " + typeName(chain) + ", which a rule may not use");
    }

    private void standalone(NameExpr name) {
        String id = name.getNameAsString();
        if ("kcontext".equals(id) || "drools".equals(id)) {
            refuse(name, "uses " + id + ", which a rule may not use (only drools.getRule().getName())");
        } else if (isVariable(id)) {
            return;
        } else if (!consequence && fact != null && hasProperty(fact, id)) {
            return;
        } else if (name.getParentNode().filter(p -> p instanceof SwitchEntry).isPresent()) {
            return; // an enum constant as a case label
        } else {
            refuse(name, "uses " + id + ", which is not a binding, a global or a field"
                    + (fact == null ? "" : " of " + fact.getSimpleName()));
        }
    }

    private void property(Node n, String name) {
        String cap = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        if ("class".equals(name) || Allowed.METHODS.contains("get" + cap) || Allowed.METHODS.contains(name)) {
            refuse(n, "reads ." + name + ", which a rule may not use");
        }
    }

    private void type(Type t) {
        if (!(t instanceof ClassOrInterfaceType c)) {
            t.getChildNodes().forEach(this::visit);
            return;
        }
        String name = c.getNameWithScope();
        List<String> chain = Arrays.asList(name.split("\\."));
        boolean ok = Allowed.resolve(chain.get(0), imports).isPresent() || Allowed.isAllowedType(name);
        if (!ok) refuse(t, "uses " + name + ", which a rule may not use");
        c.getTypeArguments().ifPresent(args -> args.forEach(this::visit));
    }

    private boolean isVariable(String name) {
        if (ruleVariables.contains(name)) return true;
        for (Set<String> s : scopes) if (s.contains(name)) return true;
        return false;
    }

    /** a.b.c as names, or null if the expression is not a plain dotted name. */
    private static List<String> chain(Expression e) {
        List<String> out = new ArrayList<>();
        Expression cur = e;
        while (cur instanceof FieldAccessExpr f) {
            out.add(0, f.getNameAsString());
            cur = f.getScope();
        }
        if (!(cur instanceof NameExpr n)) return null;
        out.add(0, n.getNameAsString());
        return out;
    }

    /** java.lang.System rather than java.lang.System.out: up to the first capitalised segment. */
    private static String typeName(List<String> chain) {
        for (int i = 0; i < chain.size(); i++) {
            if (!chain.get(i).isEmpty() && Character.isUpperCase(chain.get(i).charAt(0))) {
                return String.join(".", chain.subList(0, i + 1));
            }
        }
        return String.join(".", chain);
    }

    private static String describe(Node n) {
        String text = n instanceof MethodCallExpr m ? m.getNameAsString() + "()" : n.getClass().getSimpleName();
        return text;
    }

    static boolean hasProperty(Class<?> type, String name) {
        if (name.isEmpty()) return false;
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                    && (m.getName().equals("get" + cap) || m.getName().equals("is" + cap) || m.getName().equals(name))) {
                return true;
            }
        }
        return Arrays.stream(type.getFields()).anyMatch(f -> f.getName().equals(name));
    }

    private static boolean hasMethod(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(name));
    }

    private void refuse(Node n, String what) {
        findings.add(new Finding(n.getBegin().map(p -> p.line).orElse(1), what));
    }
}
