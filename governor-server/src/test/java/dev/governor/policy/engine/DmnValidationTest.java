package dev.governor.policy.engine;

import org.junit.jupiter.api.Test;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidatorFactory;

import java.io.File;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kie.dmn.validation.DMNValidator.Validation.ANALYZE_DECISION_TABLE;
import static org.kie.dmn.validation.DMNValidator.Validation.VALIDATE_MODEL;
import static org.kie.dmn.validation.DMNValidator.Validation.VALIDATE_SCHEMA;

/** The shipped decision tables pass the KIE DMN validator: schema, model and table analysis. */
class DmnValidationTest {

    @Test
    void shippedTablesHaveNoErrors() {
        File[] files = Objects.requireNonNull(new File("decision-tables").listFiles((d, n) -> n.endsWith(".dmn")));
        assertThat(files).extracting(File::getName)
                .contains("reversibility.dmn", "blast-radius.dmn", "governance-gate.dmn");
        DMNValidator validator = DMNValidatorFactory.newValidator();
        try {
            for (File file : files) {
                List<DMNMessage> messages = validator.validate(file, VALIDATE_SCHEMA, VALIDATE_MODEL, ANALYZE_DECISION_TABLE);
                assertThat(messages.stream().filter(m -> m.getSeverity() == DMNMessage.Severity.ERROR))
                        .as(file + ": " + messages).isEmpty();
            }
        } finally {
            validator.dispose();
        }
    }

    @Test
    void validatorWouldCatchAnOverlapInAUniqueTable() {
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="urn:t">
                  <inputData id="i" name="x"><variable id="vi" name="x" typeRef="number"/></inputData>
                  <decision id="dd" name="D"><variable id="vd" name="D" typeRef="string"/>
                    <informationRequirement id="ir"><requiredInput href="#i"/></informationRequirement>
                    <decisionTable id="t" hitPolicy="UNIQUE">
                      <input id="in"><inputExpression id="ie" typeRef="number"><text>x</text></inputExpression></input>
                      <output id="o" typeRef="string"/>
                      <rule id="r1"><inputEntry id="e1"><text>&gt; 0</text></inputEntry><outputEntry id="o1"><text>"a"</text></outputEntry></rule>
                      <rule id="r2"><inputEntry id="e2"><text>&gt; 5</text></inputEntry><outputEntry id="o2"><text>"b"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """;
        DMNValidator validator = DMNValidatorFactory.newValidator();
        try {
            List<DMNMessage> messages = validator.validate(new java.io.StringReader(dmn), ANALYZE_DECISION_TABLE);
            assertThat(Stream.of(messages.toArray(DMNMessage[]::new)).map(DMNMessage::getSeverity))
                    .contains(DMNMessage.Severity.ERROR);
        } finally {
            validator.dispose();
        }
    }
}
