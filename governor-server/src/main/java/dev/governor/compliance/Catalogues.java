package dev.governor.compliance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The framework mappings, read from the classpath at start-up: a malformed file stops Governor
 * from starting rather than answering an auditor with half a mapping. Every evidence key a
 * control names must be one {@link ComplianceEvidence} gathers.
 */
@Startup
@ApplicationScoped
public class Catalogues {

    private final Map<Framework, Catalogue> catalogues = new EnumMap<>(Framework.class);

    public Catalogues() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (Framework f : Framework.values()) {
            String path = "compliance/" + f.id + ".yaml";
            try (InputStream in = Catalogues.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) throw new IllegalStateException(path + " is missing");
                Catalogue c = yaml.readValue(in, Catalogue.class);
                for (Catalogue.Control control : c.controls()) {
                    Set<String> unknown = new java.util.TreeSet<>(control.evidence());
                    unknown.removeAll(ComplianceEvidence.KEYS);
                    if (!unknown.isEmpty()) {
                        throw new IllegalStateException(path + " control " + control.id() + " names unknown evidence " + unknown);
                    }
                }
                catalogues.put(f, c);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
    }

    public Catalogue of(Framework framework) {
        return catalogues.get(framework);
    }
}
