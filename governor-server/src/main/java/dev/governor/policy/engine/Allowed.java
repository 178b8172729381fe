package dev.governor.policy.engine;

import dev.governor.policy.ApprovalState;
import dev.governor.policy.AutonomyLevel;
import dev.governor.policy.BlastRadius;
import dev.governor.policy.Effect;
import dev.governor.policy.EnvironmentTier;
import dev.governor.policy.Outcome;
import dev.governor.policy.Reversibility;
import dev.governor.policy.engine.facts.*;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a rule may name: the one allow-list {@link DrlSandbox} checks every import, type, static
 * call and {@code new} against. Everything not listed here is refused, however it is spelled.
 *
 * <p>To let rules see a new Governor fact class or enum, add it to {@link #FACTS}; nothing else.
 * {@code AllowedTest} fails, naming the class, when a class of the facts package is missing here.
 * The JDK part is deliberately small: value types and collections that cannot reach the file
 * system, the network, other threads or the class loader.
 */
final class Allowed {

    /** Governor's fact types and enums: reviewed Java code the rules work on. */
    static final List<Class<?>> FACTS = List.of(
            ActionFact.class, AgentFact.class, Answer.class, Apply.class, ApprovalFact.class,
            ApprovalVerdict.class, BoundApproval.class, ExceptionFact.class, ExceptionVerdict.class, CumulativeImpact.class, Decision.class, Durations.class,
            FreezeFact.class, FreshnessLimit.class, HaltFact.class, ScopedHaltFact.class, TokenFact.class, InputFact.class, InputHistory.class, MetricFamily.class,
            MetricLimit.class, MetricLimit.Kind.class, PendingApprovalsFact.class, PlanFact.class, PlanStepFact.class, PlannedStep.class,
            RequestFact.class, RequiredEvidence.class, Say.class, StepReason.class, Verdict.class,
            SensitiveTarget.class, Prerequisite.class, SessionStepFact.class,
            ApprovalState.class, AutonomyLevel.class, BlastRadius.class, Effect.class, EnvironmentTier.class,
            Outcome.class, Reversibility.class);

    /** {@code String}, {@code Math} and the boxed primitives; a rule may name these without an import. */
    static final Set<String> JAVA_LANG = Set.of("String", "Math", "Integer", "Long", "Short", "Byte", "Double",
            "Float", "Boolean", "Character", "Number", "Object", "Comparable", "CharSequence");

    /** Every public type of these packages (value types only: no I/O, no threads). */
    static final Set<String> PACKAGES = Set.of("java.time", "java.time.temporal", "java.time.format");

    /** The java.util collections (and their helpers) plus the two number types facts carry. */
    static final Set<String> JDK_TYPES = Set.of(
            "java.util.List", "java.util.ArrayList", "java.util.LinkedList", "java.util.Map", "java.util.HashMap",
            "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.SortedMap", "java.util.NavigableMap",
            "java.util.Set", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.SortedSet", "java.util.NavigableSet", "java.util.Collection", "java.util.Collections",
            "java.util.Deque", "java.util.ArrayDeque", "java.util.Queue", "java.util.EnumSet", "java.util.EnumMap",
            "java.util.Optional", "java.util.Objects", "java.util.Map.Entry", "java.util.Iterator",
            "java.math.BigDecimal", "java.math.BigInteger", "java.math.RoundingMode");

    /**
     * Methods refused on any receiver: reflection and class loading, process and JVM control, and
     * calls whose work is unbounded (a consequence cannot be stopped half-way, so it must not be
     * able to run long). The type check already refuses the classes these usually live on; this
     * catches them on values whose type the check cannot see.
     */
    static final Set<String> METHODS = Set.of("getClass", "forName", "getMethod", "getMethods",
            "getDeclaredMethod", "getDeclaredMethods", "getField", "getFields", "getDeclaredField",
            "getDeclaredFields", "getConstructor", "getConstructors", "getDeclaredConstructor",
            "getDeclaredConstructors", "newInstance", "invoke", "invokeExact", "invokeWithArguments",
            "setAccessible", "getClassLoader", "getContextClassLoader", "loadClass", "defineClass", "exec",
            "exit", "halt", "getRuntime", "getenv", "getProperty", "getProperties", "setProperty", "load",
            "loadLibrary", "lookup", "wait", "notify", "notifyAll", "sleep", "join", "start", "interrupt",
            "finalize", "getModule", "getDeclaringClass", "getProtectionDomain",
            "repeat", "nCopies", "iterate", "generate", "ints", "longs", "doubles", "range", "rangeClosed",
            "parallelStream", "fill", "setLength", "ensureCapacity");

    /** What a consequence may call without a receiver (Drools' macros). */
    static final Set<String> MACROS = Set.of("insert", "insertLogical", "modify", "update", "retract", "delete");

    /** Accumulate functions a pattern may use. */
    static final Set<String> ACCUMULATE = Set.of("count", "sum", "min", "max", "average", "collectList",
            "collectSet");

    /** For every refusal: what a rule may use instead. */
    static final String SUMMARY = "allowed: Governor fact types and enums (" + FACTS.size()
            + ", e.g. ActionFact, Verdict, Outcome), java.time, the java.util collections, BigDecimal/BigInteger,"
            + " String, Math and the boxed primitives; insert/modify/update/retract; drools.getRule().getName()";

    private static final Set<String> FACT_NAMES = FACTS.stream().map(Allowed::sourceName).collect(Collectors.toSet());

    private Allowed() {
    }

    /** {@code MetricLimit.Kind} rather than the binary {@code MetricLimit$Kind}: how a rule writes it. */
    static String sourceName(Class<?> type) {
        return type.getCanonicalName();
    }

    /** True when a rule may name this fully qualified type. */
    static boolean isAllowedType(String fqn) {
        if (FACT_NAMES.contains(fqn) || JDK_TYPES.contains(fqn)) return true;
        if (fqn.startsWith("java.lang.") && JAVA_LANG.contains(fqn.substring("java.lang.".length()))) return true;
        int dot = fqn.lastIndexOf('.');
        return dot > 0 && PACKAGES.contains(fqn.substring(0, dot)) && Character.isUpperCase(fqn.charAt(dot + 1));
    }

    /** True when {@code import pkg.*;} is allowed: a package holding only allowed types. */
    static boolean isAllowedPackage(String pkg) {
        // java.util.* and java.math.* hold more than the list; each name used is still resolved against it.
        return PACKAGES.contains(pkg) || "java.util".equals(pkg) || "java.math".equals(pkg)
                || FACT_NAMES.stream().anyMatch(f -> f.substring(0, f.lastIndexOf('.')).equals(pkg));
    }

    /** The class of an allowed type, to look up the properties a constraint may name; null if none. */
    static Class<?> typeOf(String fqn) {
        for (Class<?> f : FACTS) if (sourceName(f).equals(fqn)) return f;
        if (!isAllowedType(fqn)) return null;
        String binary = fqn;
        while (true) {
            try {
                return Class.forName(binary, false, Allowed.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                int dot = binary.lastIndexOf('.');
                if (dot < 0) return null;
                binary = binary.substring(0, dot) + "$" + binary.substring(dot + 1);
            }
        }
    }

    /**
     * The fully qualified name a simple type name stands for, given the file's imports: an
     * explicit import first, then a wildcard import, then java.lang.
     */
    static Optional<String> resolve(String simple, List<String> imports) {
        for (String i : imports) if (!i.endsWith(".*") && i.endsWith("." + simple)) return Optional.of(i);
        for (String i : imports) {
            if (!i.endsWith(".*")) continue;
            String candidate = i.substring(0, i.length() - 1) + simple;
            if (isAllowedType(candidate)) return Optional.of(candidate);
        }
        return JAVA_LANG.contains(simple) ? Optional.of("java.lang." + simple) : Optional.empty();
    }
}
