package dev.governor.audit;

import dev.governor.GovernorConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Tests clean the database at every start (flyway clean-at-start), so they remove the
 * checkpoints of the chain that was there too: a checkpoint outliving its chain is exactly what
 * verify reports as a restored backup. Test code only; Governor itself never deletes checkpoints.
 */
@ApplicationScoped
class CleanCheckpointsAtStart {

    void clean(@Observes @Priority(1) StartupEvent event, GovernorConfig config) throws IOException {
        Path dir = Path.of(config.audit().checkpoints().dir());
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
