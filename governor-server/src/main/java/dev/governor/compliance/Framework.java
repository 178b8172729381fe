package dev.governor.compliance;

import java.util.Arrays;
import java.util.Optional;

/** The frameworks a compliance report maps Governor's controls to; each has a catalogue file. */
public enum Framework {
    EU_AI_ACT("eu-ai-act"),
    NIST_AI_RMF("nist-ai-rmf"),
    OWASP_AGENTIC("owasp-agentic");

    /** The {@code ?framework=} value and the name of {@code compliance/<id>.yaml}. */
    public final String id;

    Framework(String id) {
        this.id = id;
    }

    static Optional<Framework> of(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }
}
