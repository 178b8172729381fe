package dev.governor.compliance;

import java.util.List;

/**
 * One framework's mapping, as written in {@code compliance/<framework>.yaml}: each control with
 * the Governor features that implement it and the live evidence keys that show it working.
 */
public record Catalogue(String framework, String title, String edition, List<Control> controls, List<String> notCovered) {

    public Catalogue {
        controls = List.copyOf(controls);
        notCovered = notCovered == null ? List.of() : List.copyOf(notCovered);
    }

    /**
     * @param evidence keys of {@link ComplianceEvidence#gather}'s map that bear on this control
     * @param gaps     what Governor does not do for it, in plain words; null when nothing is left out
     */
    public record Control(String id, String title, String clause, List<String> implementedBy, List<String> evidence,
                          String gaps) {
        public Control {
            implementedBy = List.copyOf(implementedBy);
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }
}
