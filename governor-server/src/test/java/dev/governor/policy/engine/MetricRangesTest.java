package dev.governor.policy.engine;

import dev.governor.policy.AutonomyLevel;
import dev.governor.policy.Evaluation;
import dev.governor.policy.EvaluationInput;
import dev.governor.policy.PolicyEngine;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: every shipped metric family has a plausible minimum and maximum, and both are enforced. */
class MetricRangesTest {

    private static final PolicyEngine ENGINE = KiePolicyEngine.load(Path.of("rules"), Path.of("decision-tables"));
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void everyFamilyHasBothBoundsAndEachIsEnforced() throws Exception {
        Map<String, BigDecimal[]> ranges = ranges();
        assertThat(ranges).hasSizeGreaterThanOrEqualTo(11).containsKey("*");
        ranges.forEach((family, range) -> {
            assertThat(range[0]).as(family + " minimum").isNotNull();
            assertThat(range[1]).as(family + " maximum").isNotNull();
            String metric = (family.equals("*") ? "unlisted" : family) + ".probe";
            assertThat(sources(metric, range[1])).as(family + " at its maximum").doesNotContain(ABOVE, BELOW);
            assertThat(sources(metric, range[1].add(BigDecimal.ONE))).as(family + " above").contains(ABOVE);
            assertThat(sources(metric, range[0])).as(family + " at its minimum").doesNotContain(ABOVE, BELOW);
            assertThat(sources(metric, range[0].subtract(BigDecimal.ONE))).as(family + " below").contains(BELOW);
        });
    }

    private static final String ABOVE = "rules/data-quality.drl#data-above-plausible-maximum";
    private static final String BELOW = "rules/data-quality.drl#data-below-plausible-minimum";

    private static List<String> sources(String metric, BigDecimal value) {
        var agent = new EvaluationInput.AgentFacts("auto", false, AutonomyLevel.AUTONOMOUS, Set.of("sandbox"), Set.of("*:*"));
        var action = new EvaluationInput.ActionFacts("inventory.adjust", "sandbox", null, 1L, 0L, BigDecimal.ZERO, null);
        var input = new EvaluationInput.InputFacts("erp", metric, value, NOW.minusSeconds(60));
        Evaluation e = ENGINE.evaluate(new EvaluationInput("auto", agent, action, List.of(input), List.of(), NOW));
        return e.reasons().stream().map(Evaluation.Reason::source).toList();
    }

    /** Family → {minimum, maximum} as the sheet's rows give them (null = empty cell). */
    private static Map<String, BigDecimal[]> ranges() throws Exception {
        Map<String, BigDecimal[]> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(Path.of("decision-tables/data-agreement.xlsx"));
             Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                Cell id = row.getCell(0);
                if (id == null || id.getCellType() != CellType.STRING || !id.getStringCellValue().startsWith("agreement-")) {
                    continue;
                }
                out.put(row.getCell(2).getStringCellValue(), new BigDecimal[]{number(row.getCell(4)), number(row.getCell(5))});
            }
        }
        return out;
    }

    private static BigDecimal number(Cell cell) {
        return cell == null || cell.getCellType() != CellType.NUMERIC ? null : BigDecimal.valueOf(cell.getNumericCellValue());
    }
}
