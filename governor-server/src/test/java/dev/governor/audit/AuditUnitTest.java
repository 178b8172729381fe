package dev.governor.audit;

import dev.governor.GovernorConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditUnitTest {

    @Test
    void csvFieldsAreQuotedPerRfc4180AndFormulasDefused() {
        assertThat(CsvWriter.field("plain")).isEqualTo("plain");
        assertThat(CsvWriter.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.field("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(CsvWriter.field("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvWriter.field("+1")).isEqualTo("'+1");
        assertThat(CsvWriter.field("-1")).isEqualTo("'-1");
        assertThat(CsvWriter.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.field("\tx")).isEqualTo("'\tx");
        assertThat(CsvWriter.field("\rx")).isEqualTo("\"'\rx\"");
        assertThat(CsvWriter.snakeCase("decisionId")).isEqualTo("decision_id");
    }

    @Test
    void theHashEncodingIsUnambiguous() {
        String at = ChainHash.formatAt(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(at).isEqualTo("2026-01-01T00:00:00.000000Z");
        assertThat(ChainHash.of(ChainHash.GENESIS, 1, "K", "ab", "c", at, "{}"))
                .isNotEqualTo(ChainHash.of(ChainHash.GENESIS, 1, "K", "a", "bc", at, "{}"))
                .matches("^[0-9a-f]{64}$");
    }

    @Test
    void aChainChecksRecordByRecord() {
        String at = ChainHash.formatAt(java.time.Instant.EPOCH);
        String h1 = ChainHash.of(ChainHash.GENESIS, 1, "K", "s", "a", at, "{}");
        String h2 = ChainHash.of(h1, 2, "K", "s", "a", at, "{\"x\":1}");
        ChainCheck ok = new ChainCheck(1, null);
        assertThat(ok.accept(new ChainRecord(1, "K", "s", "a", at, "{}", ChainHash.GENESIS, h1))).isTrue();
        assertThat(ok.accept(new ChainRecord(2, "K", "s", "a", at, "{\"x\":1}", h1, h2))).isTrue();
        ok.checkHead(2, 2, h2);
        assertThat(ok.valid()).isTrue();

        ChainCheck edited = new ChainCheck(1, null);
        edited.accept(new ChainRecord(1, "K", "s", "a", at, "{\"y\":1}", ChainHash.GENESIS, h1));
        assertThat(edited.firstBroken()).isEqualTo(1L);

        ChainCheck archived = new ChainCheck(2, null);
        archived.accept(new ChainRecord(2, "K", "s", "a", at, "{\"x\":1}", h1, h2));
        assertThat(archived.valid()).isFalse();
        ChainCheck fromCheckpoint = new ChainCheck(2, h1);
        assertThat(fromCheckpoint.accept(new ChainRecord(2, "K", "s", "a", at, "{\"x\":1}", h1, h2))).isTrue();
    }

    @Test
    void aRestoredAndContinuedChainIsNamedAtTheFirstOfTheRecordsYoungerThanTheCheckpoint() {
        // seq 1 stamped by a clock far ahead (it must not be named); seqs 4.. written after the checkpoint.
        List<String> times = List.of("2030-01-01T00:00:00.000000Z", "2026-12-01T10:00:01.000000Z",
                "2026-12-01T10:00:02.000000Z", "2026-12-01T10:00:03.000000Z", "2026-12-01T10:00:04.000000Z");
        List<ChainRecord> original = chain(times, "a");
        Checkpoint cp = new Checkpoint(5, original.get(4).hash(), "2026-12-01T10:00:05.000000Z", "k", "s");
        List<ChainRecord> restored = new java.util.ArrayList<>(original.subList(0, 3));
        List<ChainRecord> continued = chain(List.of("2026-12-01T11:00:00.000000Z", "2026-12-01T11:00:01.000000Z",
                "2026-12-01T11:00:02.000000Z"), "b", restored.get(2).hash(), 4);
        restored.addAll(continued);

        ChainCheck honest = new ChainCheck(1, null, null, List.of(cp));
        original.forEach(honest::accept);
        assertThat(honest.valid()).isTrue();

        ChainCheck check = new ChainCheck(1, null, null, List.of(cp));
        restored.forEach(check::accept);
        assertThat(check.firstBroken()).isEqualTo(4);
        assertThat(check.reason()).contains("restored and continued from seq 3");
        assertThat(check.lastSeq()).isEqualTo(3);
        assertThat(check.lastHash()).isEqualTo(original.get(2).hash());
    }

    private static List<ChainRecord> chain(List<String> times, String payload) {
        return chain(times, payload, ChainHash.GENESIS, 1);
    }

    private static List<ChainRecord> chain(List<String> times, String payload, String prev, long firstSeq) {
        List<ChainRecord> out = new java.util.ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            long seq = firstSeq + i;
            String body = "{\"p\":\"" + payload + seq + "\"}";
            String hash = ChainHash.of(prev, seq, "K", "s", "a", times.get(i), body);
            out.add(new ChainRecord(seq, "K", "s", "a", times.get(i), body, prev, hash));
            prev = hash;
        }
        return out;
    }

    @Test
    void sensitiveFieldsWithoutAKeyStopStartUp() {
        assertThatThrownBy(() -> new SensitiveFields(config(List.of("reasoning.prompt"), null), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("governor.audit.hmac-key");
        assertThatThrownBy(() -> new SensitiveFields(config(List.of("reasoning..prompt"), "k".repeat(32)), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("reasoning..prompt");
        assertThat(new SensitiveFields(config(List.of(), null), null).redact(null)).isNull();
        for (String inClear : List.of("action.type", "action.impact.records", "inputs[].observedAt", "agentId", "action")) {
            assertThatThrownBy(() -> new SensitiveFields(config(List.of(inClear), "k".repeat(32)), null))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("'" + inClear + "' cannot be masked");
        }
    }

    @Test
    void sensitiveValuesAreMaskedInTextNumbersOnlyWhereTheyStandAlone() {
        SensitiveValues values = new SensitiveValues(java.util.Map.of("40", "H1", "svc/pay", "H2"));
        assertThat(values.mask("stock is 40, below 400 and 40.5; svc/pay-prod")).isEqualTo("stock is H1, below 400 and 40.5; H2-prod");
        assertThat(values.mask((String) null)).isNull();
    }

    private static GovernorConfig config(List<String> fields, String key) {
        GovernorConfig.Audit audit = proxy(GovernorConfig.Audit.class, name -> switch (name) {
            case "sensitiveFields" -> Optional.of(fields);
            case "hmacKey" -> Optional.ofNullable(key);
            case "writeTimeout" -> Duration.ofSeconds(2);
            default -> 500;
        });
        return proxy(GovernorConfig.class, name -> name.equals("audit") ? audit : null);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.util.function.Function<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> answers.apply(method.getName()));
    }
}
