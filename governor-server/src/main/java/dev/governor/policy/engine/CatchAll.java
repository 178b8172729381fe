package dev.governor.policy.engine;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/** Whether every decision table of a DMN file leaves no input unanswered, by its last row or its default. */
final class CatchAll {

    private static final String DMN = "*";

    private CatchAll() {
    }

    /** True if each table is FIRST with a last row of only "-" giving {@code safest} in {@code column}, or defaults to it. */
    static boolean covers(byte[] dmn, String column, String safest) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            NodeList tables = factory.newDocumentBuilder().parse(new ByteArrayInputStream(dmn))
                    .getElementsByTagNameNS(DMN, "decisionTable");
            for (int t = 0; t < tables.getLength(); t++) {
                if (!covered((Element) tables.item(t), column, safest)) return false;
            }
            return tables.getLength() > 0;
        } catch (Exception e) {
            return false;
        }
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
        boolean catchAll = children(last, "inputEntry").stream().allMatch(e -> "-".equals(e.getTextContent().trim())
                || e.getTextContent().isBlank());
        List<Element> outs = children(last, "outputEntry");
        return catchAll && outs.size() > index && safest.equals(unquote(outs.get(index).getTextContent()));
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
