package dev.governor.policy.engine;

import dev.governor.policy.PolicyLoadException.Problem;
import dev.governor.policy.engine.PolicyFiles.Source;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Catch-all rows (every input "-"): whether every decision table of a DMN file leaves no input
 * unanswered, by its last row or its default; and which rows stand after one under FIRST, where
 * they can never fire.
 */
final class CatchAll {

    private static final String DMN = "*";

    private CatchAll() {
    }

    /** True if each table is FIRST with a last row of only "-" giving {@code safest} in {@code column}, or defaults to it. */
    static boolean covers(byte[] dmn, String column, String safest) {
        try {
            NodeList tables = parse(dmn).getElementsByTagNameNS(DMN, "decisionTable");
            for (int t = 0; t < tables.getLength(); t++) {
                if (!covered((Element) tables.item(t), column, safest)) return false;
            }
            return tables.getLength() > 0;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * One warning per row that stands below a catch-all row in a FIRST table: the catch-all answers
     * every input first, so the row never fires (typically a row pasted at the end of the table
     * instead of above the catch-all). Whole-table shadowing is a different, larger question.
     */
    static List<Problem> unreachable(Source source) {
        List<Problem> found = new ArrayList<>();
        NodeList tables;
        try {
            tables = parse(source.bytes()).getElementsByTagNameNS(DMN, "decisionTable");
        } catch (Exception e) {
            return found; // the well-formedness check reports it
        }
        for (int t = 0; t < tables.getLength(); t++) {
            Element table = (Element) tables.item(t);
            if (!"FIRST".equals(table.getAttribute("hitPolicy"))) continue;
            List<Element> rules = children(table, "rule");
            int first = -1;
            for (int r = 0; r < rules.size() && first < 0; r++) if (catchAll(rules.get(r))) first = r;
            if (first < 0) continue;
            String catchAll = name(rules.get(first), first);
            for (int r = first + 1; r < rules.size(); r++) {
                found.add(new Problem(source.path(), "rule " + name(rules.get(r), r), "row " + name(rules.get(r), r)
                        + " can never fire: it stands after the catch-all row " + catchAll + " (every input -)"
                        + " under hit policy FIRST; move it above " + catchAll));
            }
        }
        return found;
    }

    private static boolean catchAll(Element rule) {
        return children(rule, "inputEntry").stream().allMatch(e -> "-".equals(e.getTextContent().trim())
                || e.getTextContent().isBlank());
    }

    /** The row's id, else its 1-based position. */
    private static String name(Element rule, int index) {
        String id = rule.getAttribute("id");
        return id.isBlank() ? "#" + (index + 1) : id;
    }

    private static Document parse(byte[] dmn) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(dmn));
    }

    private static boolean covered(Element table, String column, String safest) {
        List<Element> outputs = children(table, "output");
        int index = 0;
        for (int i = 0; i < outputs.size(); i++) if (column.equals(outputs.get(i).getAttribute("name"))) index = i;
        Element output = outputs.isEmpty() ? null : outputs.get(index);
        List<Element> defaults = output == null ? List.of() : children(output, "defaultOutputEntry");
        if (!defaults.isEmpty() && safest.equals(unquote(defaults.get(0).getTextContent()))) return true;
        List<Element> rules = children(table, "rule");
        if (rules.isEmpty() || !"FIRST".equals(table.getAttribute("hitPolicy"))) return false;
        Element last = rules.get(rules.size() - 1);
        List<Element> outs = children(last, "outputEntry");
        return catchAll(last) && outs.size() > index && safest.equals(unquote(outs.get(index).getTextContent()));
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && localName.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }

    private static String unquote(String text) {
        return text == null ? null : text.trim().replaceAll("^\"|\"$", "");
    }
}
