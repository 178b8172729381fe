package dev.governor.policy;

import dev.governor.policy.PolicyLoadException.Problem;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One attempt to load a policy version, as recorded in the load history. Also the CDI event fired
 * inside the transaction that records it, before the version is activated: observe it
 * ({@code void on(@Observes PolicyLoad load)}) to audit reloads; an observer that throws stops the
 * activation.
 *
 * @param actor           who asked: the {@code X-Actor} header or body field, {@code system} at start-up,
 *                        {@code watcher} for the directory watch
 * @param version         the version of the files that were tried (null if they could not be read)
 * @param previousVersion the version in force before the attempt (null at start-up)
 * @param activeVersion   the version in force after the attempt
 * @param errors          why the files were refused (empty when activated)
 * @param warnings        what the table checks found that did not stop the load
 * @param files           the files tried, each with its hash (empty if they could not be read)
 * @param tests           what the policy tests said: {@code 143 cases, 143 passed}, or why they did not run
 */
public record PolicyLoad(UUID id, OffsetDateTime attemptedAt, String actor, Trigger trigger, Result outcome,
                         String version, String previousVersion, String activeVersion,
                         List<Problem> errors, List<Problem> warnings, List<PolicySnapshot.PolicyFile> files,
                         String tests) {

    public PolicyLoad {
        errors = errors == null ? List.of() : List.copyOf(errors);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        files = files == null ? List.of() : List.copyOf(files);
    }

    public enum Trigger { STARTUP, RELOAD, WATCH }

    /** ACTIVATED: the files are in force now. REJECTED: they were refused; the previous version stays. */
    public enum Result { ACTIVATED, REJECTED }

    public boolean activated() {
        return outcome == Result.ACTIVATED;
    }
}
