package dev.governor.policy.engine;

import dev.governor.policy.PolicyLoadException.Problem;
import dev.governor.policy.engine.PolicyFiles.Source;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.kie.dmn.feel.parser.feel11.FEEL_1_1Lexer;
import org.kie.dmn.model.api.FunctionKind;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DMN files are untrusted input too. A FEEL expression may use FEEL and its built-in functions,
 * nothing else: every {@code <text>} of a DMN file (decision-table input and output entries,
 * default outputs, literal expressions, contexts, BKMs, invocations, relations, allowed values)
 * is read with KIE's FEEL lexer, and {@code function ... external} (a call into Java or PMML) is
 * refused wherever it appears, as are Java/PMML function definitions and DMN imports. Entities and
 * CDATA are resolved by the XML parser first, so spelling a keyword as {@code &#101;xternal}
 * changes nothing.
 */
final class FeelSandbox {

    /** Properties that would reach a Java object's class through a FEEL path ({@code x.class}). */
    private static final Set<String> PATHS = Set.of("class", "classLoader", "declaringClass", "module",
            "declaredMethods", "methods", "declaredFields", "fields", "declaredConstructors", "constructors",
            "runtime", "protectionDomain");

    private FeelSandbox() {
    }

    static List<Problem> check(Source source) {
        List<Problem> problems = new ArrayList<>();
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setCoalescing(true);
            root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(source.bytes())).getDocumentElement();
        } catch (SAXParseException e) {
            return List.of(new Problem(source.path(), "line " + e.getLineNumber() + ", column " + e.getColumnNumber(),
                    "not well-formed XML: " + e.getMessage()));
        } catch (Exception e) {
            return List.of(new Problem(source.path(), null, "cannot be read as XML, so it cannot be checked: " + e.getMessage()));
        }
        walk(source.path(), root, problems);
        return problems;
    }

    private static void walk(String file, Element e, List<Problem> problems) {
        String name = e.getLocalName() == null ? e.getTagName() : e.getLocalName();
        if ("import".equals(name)) {
            problems.add(refusal(file, e, "a DMN import (" + e.getAttribute("locationURI") + e.getAttribute("importType")
                    + "); a table may use only what is in its own file"));
        }
        String kind = e.getAttribute("kind");
        if (("functionDefinition".equals(name) || "encapsulatedLogic".equals(name)) && !kind.isEmpty() && !FunctionKind.FEEL.value().equals(kind)) {
            problems.add(refusal(file, e, "a function of kind " + kind + "; only FEEL functions are allowed"));
        }
        for (String attribute : new String[] {"expressionLanguage", "typeLanguage"}) {
            String language = e.getAttribute(attribute);
            if (!language.isEmpty() && !language.contains("/FEEL/")) {
                problems.add(refusal(file, e, "the " + attribute + " " + language + "; only FEEL is allowed"));
            }
        }
        if ("text".equals(name)) feel(file, e, e.getTextContent(), problems);
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) walk(file, child, problems);
        }
    }

    private static void feel(String file, Element at, String text, List<Problem> problems) {
        if (text == null || text.isBlank()) return;
        FEEL_1_1Lexer lexer = new FEEL_1_1Lexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        Token previous = null;
        for (Token t : lexer.getAllTokens()) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            if (t.getType() == FEEL_1_1Lexer.EXTERNAL) {
                problems.add(refusal(file, at, "function ... external (a call into Java or PMML); a FEEL expression may"
                        + " use FEEL and its built-in functions only"));
            } else if (previous != null && ".".equals(previous.getText()) && PATHS.contains(t.getText())) {
                problems.add(refusal(file, at, "the path ." + t.getText() + ", which reaches into Java; a FEEL expression may"
                        + " use FEEL and its built-in functions only"));
            }
            previous = t;
        }
    }

    /** Names the nearest element with an id: the rule, entry or decision the author edits. */
    private static Problem refusal(String file, Element at, String what) {
        Node n = at;
        while (n instanceof Element el && el.getAttribute("id").isEmpty()) n = el.getParentNode();
        String id = n instanceof Element el ? el.getAttribute("id") : "";
        return new Problem(file, id.isEmpty() ? null : "element " + id, "uses " + what);
    }
}
