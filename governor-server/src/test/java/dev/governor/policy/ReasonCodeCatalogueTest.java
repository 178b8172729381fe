package dev.governor.policy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link ReasonCode} is the one list of reason codes. Policy files write codes as text and Java
 * passes them around as strings, so this test reads the real files: every quoted upper-case word
 * in a rule file, decision table, spreadsheet (through the DRL Drools generates from it) or main
 * Java source must be a catalogued code or a constant of one of Governor's own enums (an outcome,
 * a reversibility, an autonomy level...). A new code therefore fails here until it is catalogued,
 * and the README's table must equal the catalogue.
 */
class ReasonCodeCatalogueTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    /**
     * A whole string literal in upper snake case, e.g. "GLOBAL_HALT" (not "DATA_", a prefix, nor an
     * ISO-8601 duration such as "PT1H").
     */
    private static final Pattern UPPER_LITERAL = Pattern.compile("\"(?!P\\d|PT\\d)([A-Z][A-Z0-9_]*[A-Z0-9])\"");
    /** The code argument of a verdict a rule inserts: new Verdict(Outcome.X, "CODE", ...). */
    private static final Pattern DRL_VERDICT_CODE =
            Pattern.compile("Verdict\\s*(?:\\.from)?\\(\\s*Outcome\\.[A-Z_]+\\s*,\\s*\"([^\"]*)\"");
    /** Literals that are neither codes nor enum constants. Keep this list short. */
    private static final Set<String> NOT_CODES = Set.of(
            "RULE", "TABLE_ROW", // the kind of a firing, as stored in decision_firings.kind
            "FIRST", "UNIQUE", "PRIORITY", "COLLECT", "ANY", // DMN hit policies
            "ALL", "ENVIRONMENT"); // the scope column of budgets.dmn
    private static final String TABLE_BEGIN = "<!-- reason-codes:begin (generated from dev.governor.policy.ReasonCode; "
            + "ReasonCodeCatalogueTest checks it) -->";
    private static final String TABLE_END = "<!-- reason-codes:end -->";

    private static Set<String> catalogue;
    private static Set<String> vocabulary;

    @BeforeAll
    static void readCatalogueAndEnums() {
        catalogue = Arrays.stream(ReasonCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        vocabulary = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.governor")) {
            if (c.isEnum() && !c.isEquivalentTo(ReasonCode.class)) {
                c.getEnumConstants().forEach(constant -> vocabulary.add(constant.name()));
            }
        }
        assertThat(vocabulary).as("enum constants found in main classes").contains("DENY", "IRREVERSIBLE", "OBSERVE");
    }

    @Test
    void ruleFilesUseOnlyCataloguedCodes() throws IOException {
        Map<String, String> drl = new LinkedHashMap<>();
        for (Path file : files("rules", ".drl")) drl.put(relative(file), Files.readString(file));
        List<String> codes = checkDrl(drl);
        assertThat(codes).as("codes the rule files raise").contains("GLOBAL_HALT", "CODE_FREEZE", "DATA_STALE", "NO_VERDICT");
    }

    @Test
    void spreadsheetsUseOnlyCataloguedCodes() throws IOException {
        Map<String, String> drl = new LinkedHashMap<>();
        for (Path file : files("decision-tables", ".xlsx")) {
            if (file.getFileName().toString().equals("assets.xlsx")) continue; // a register of targets: data, not rules
            try (InputStream in = Files.newInputStream(file)) {
                drl.put(relative(file) + " (generated DRL)", new SpreadsheetCompiler().compile(in, InputType.XLS));
            }
        }
        assertThat(drl).as("spreadsheets shipped").hasSizeGreaterThanOrEqualTo(2);
        checkDrl(drl);
    }

    @Test
    void decisionTablesUseOnlyCataloguedCodes() throws Exception {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Path file : files("decision-tables", ".dmn")) {
            String name = relative(file);
            String text = Files.readString(file);
            unknownLiterals(name, text, problems);
            for (String code : reasonCodeCells(file)) {
                seen.add(code);
                if (!catalogue.contains(code)) problems.add(name + ": reasonCode " + code + " is not in ReasonCode");
            }
        }
        assertThat(problems).as("codes in decision tables missing from the catalogue").isEmpty();
        assertThat(seen).as("codes the tables raise").contains("UNKNOWN_ACTION_TYPE", "READ_ONLY", "AUTONOMY_LEVEL");
    }

    @Test
    void mainJavaUsesOnlyCataloguedCodes() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> literals = new TreeSet<>();
        for (Path file : files("governor-server/src/main/java", ".java")) {
            Matcher m = UPPER_LITERAL.matcher(Files.readString(file));
            while (m.find()) {
                literals.add(m.group(1));
                if (!known(m.group(1))) problems.add(relative(file) + ": \"" + m.group(1) + "\"");
            }
        }
        assertThat(problems).as("upper-case literals in main Java that are neither a ReasonCode nor an enum "
                + "constant (catalogue the code in ReasonCode, or use the enum)").isEmpty();
        assertThat(literals).as("the scan sees Java's own codes").contains("POLICY_ERROR");
    }

    @Test
    void readmeListsExactlyTheCatalogue() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int begin = readme.indexOf(TABLE_BEGIN);
        int end = readme.indexOf(TABLE_END);
        String expected = markdownTable();
        if (begin < 0 || end < begin) {
            fail("README.md has no reason-code table; add it between these lines:\n" + TABLE_BEGIN + "\n"
                    + expected + TABLE_END);
        }
        String actual = readme.substring(begin + TABLE_BEGIN.length(), end).strip() + "\n";
        assertEquals(expected, actual, "README.md's reason-code table differs from ReasonCode; replace it with:\n"
                + expected);
    }

    /** The README's table, one row per code in catalogue order. */
    static String markdownTable() {
        StringBuilder table = new StringBuilder("| code | usual outcome | meaning |\n| --- | --- | --- |\n");
        for (ReasonCode code : ReasonCode.values()) {
            table.append("| `").append(code.name()).append("` | `").append(code.usualOutcome()).append("` | ")
                    .append(code.meaning()).append(" |\n");
        }
        return table.toString();
    }

    private static List<String> checkDrl(Map<String, String> drlByName) {
        List<String> problems = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        drlByName.forEach((name, text) -> {
            unknownLiterals(name, text, problems);
            Matcher m = DRL_VERDICT_CODE.matcher(text);
            while (m.find()) {
                codes.add(m.group(1));
                if (!catalogue.contains(m.group(1))) problems.add(name + ": verdict code " + m.group(1) + " is not in ReasonCode");
            }
        });
        assertThat(problems).as("codes in rule files missing from the catalogue").isEmpty();
        return codes;
    }

    private static void unknownLiterals(String name, String text, List<String> problems) {
        Matcher m = UPPER_LITERAL.matcher(text);
        while (m.find()) {
            if (!known(m.group(1))) problems.add(name + ": \"" + m.group(1) + "\" is neither a ReasonCode nor an enum constant");
        }
    }

    private static boolean known(String literal) {
        return catalogue.contains(literal) || vocabulary.contains(literal) || NOT_CODES.contains(literal);
    }

    /** The literal texts of every {@code reasonCode} output cell; an expression there is a problem of its own. */
    private static List<String> reasonCodeCells(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        List<String> codes = new ArrayList<>();
        NodeList tables = doc.getElementsByTagNameNS("*", "decisionTable");
        for (int t = 0; t < tables.getLength(); t++) {
            Element table = (Element) tables.item(t);
            List<Element> outputs = children(table, "output");
            int column = -1;
            for (int i = 0; i < outputs.size(); i++) {
                if ("reasonCode".equals(outputs.get(i).getAttribute("name"))) column = i;
            }
            if (column < 0) continue;
            for (Element rule : children(table, "rule")) {
                String cell = children(rule, "outputEntry").get(column).getTextContent().strip();
                if (cell.equals("null")) continue;
                if (!cell.matches("\"[^\"]*\"")) {
                    fail(relative(file) + " rule " + rule.getAttribute("id") + ": reasonCode must be a literal, not " + cell);
                }
                codes.add(cell.substring(1, cell.length() - 1));
            }
        }
        return codes;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) children.add(e);
        }
        return children;
    }

    private static List<Path> files(String dir, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT.resolve(dir))) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
            assertThat(files).as(dir + "/**" + suffix).isNotEmpty();
            return files;
        }
    }

    private static String relative(Path file) {
        return ROOT.relativize(file).toString().replace('\\', '/');
    }

}
