package dev.governor.asset;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static dev.governor.asset.AssetResourceTest.unique;
import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** {@code POST /v1/assets/import}: all or nothing, every refusal naming its row and column. */
@QuarkusTest
class AssetImportTest {

    private static final String HEADER = "target,tier,dataClass,criticality,ownerTeam,records,users,monetaryValue\n";

    @Inject
    AssetService service;

    private static ValidatableResponse send(byte[] csv, String mode) {
        var request = asAdmin().contentType("text/csv; charset=UTF-8").body(csv);
        if (mode != null) request = request.queryParam("mode", mode);
        return request.post("/v1/assets/import").then();
    }

    private static ValidatableResponse send(String csv) {
        return send(csv.getBytes(StandardCharsets.UTF_8), null);
    }

    /** The file was refused as a whole: none of its targets is registered. */
    private void nothingStored(String... targets) {
        for (String t : targets) assertThat(service.matching(t)).as(t).isEmpty();
    }

    @Test
    void aGoodFileRegistersEveryRowInItsOrder() {
        String a = unique("db/prod-main*");
        String b = unique("s3://*/secrets/*");
        String c = unique("crm/contacts");
        send(HEADER + a + ",PRODUCTION,PII,HIGH,payments,1200000,40000,0\n"
                + b + ",STAGING,CREDENTIALS,CRITICAL,security,,,\n"
                + "\"" + c + "\",SANDBOX,INTERNAL,LOW,\"sales, EMEA\",10,,99.5\n")
                .statusCode(200)
                .body("mode", is("create")).body("created", is(3)).body("updated", is(0))
                .body("assets.target", contains(a, b, c))
                .body("assets[0].exposure.records", is(1200000))
                .body("assets[1].exposure.records", nullValue()).body("assets[1].exposure.monetaryValue", nullValue())
                .body("assets[2].ownerTeam", is("sales, EMEA")).body("assets[2].exposure.monetaryValue", is(99.5f));
        assertThat(service.matching(a.replace("*", "-replica"))).singleElement()
                .satisfies(x -> assertThat(x.tier().name()).isEqualTo("PRODUCTION"));
        assertThat(service.matching(c)).singleElement().satisfies(x -> assertThat(x.ownerTeam()).isEqualTo("sales, EMEA"));
    }

    @Test
    void columnsMayComeInAnyOrderAndTheFiguresMayBeLeftOut() {
        String t = unique("any-order");
        send("ownerTeam,criticality,dataClass,tier,target\nops,MEDIUM,SYSTEM_CONFIG,STAGING," + t + "\n")
                .statusCode(200).body("assets[0].tier", is("STAGING")).body("assets[0].exposure.users", nullValue());
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndsAreRead() {
        String t = unique("excel");
        byte[] text = (HEADER.replace("\n", "\r\n") + t + ",PRODUCTION,FINANCIAL,HIGH,finance,1,2,3\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[text.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bom, 3, text.length);
        send(bom, null).statusCode(200).body("assets[0].target", is(t)).body("assets[0].exposure.monetaryValue", is(3));
    }

    @Test
    void aBadRowRefusesTheWholeFileNamingRowAndColumn() {
        String good = unique("good");
        String bad = unique("bad");
        send(HEADER + good + ",PRODUCTION,PII,HIGH,payments,,,\n" + bad + ",PROD,PII,HIGH,payments,,,\n")
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("row[3].tier"))
                .body("violations[0].message", containsString("SANDBOX, STAGING, PRODUCTION"));
        nothingStored(good, bad);
        for (String[] c : List.of(
                new String[]{",PRODUCTION,PII,HIGH,payments,,,", "row[2].target"},
                new String[]{good + ",PRODUCTION,SECRET,HIGH,payments,,,", "row[2].dataClass"},
                new String[]{good + ",PRODUCTION,PII,,payments,,,", "row[2].criticality"},
                new String[]{good + ",PRODUCTION,PII,HIGH,,,,", "row[2].ownerTeam"},
                new String[]{good + ",PRODUCTION,PII,HIGH,payments,-1,,", "row[2].records"},
                new String[]{good + ",PRODUCTION,PII,HIGH,payments,,1e3,", "row[2].users"},
                new String[]{good + ",PRODUCTION,PII,HIGH,payments,,,1.23456", "row[2].monetaryValue"},
                new String[]{good + ",PRODUCTION,PII,HIGH,payments,,", "row[2]"},
                new String[]{" " + good + ",PRODUCTION,PII,HIGH,payments,,,", "row[2].target"},
                new String[]{good + ",PRODUCTION,PII,HIGH,pay\u0007ments,,,", "row[2].ownerTeam"},
                new String[]{"\"" + good + "\nx\",PRODUCTION,PII,HIGH,payments,,,", "row[2].target"},
                new String[]{"\"" + good + ",PRODUCTION,PII,HIGH,payments,,,", "row[2]"},
                new String[]{"\"" + good + "\"x,PRODUCTION,PII,HIGH,payments,,,", "row[2]"})) {
            send(HEADER + c[0] + "\n").statusCode(400).contentType("application/problem+json")
                    .body("violations.field", contains(c[1]));
        }
        nothingStored(good);
    }

    @Test
    void theHeaderIsRequiredAndChecked() {
        String t = unique("h");
        String row = t + ",PRODUCTION,PII,HIGH,payments,,,\n";
        send(row).statusCode(400).body("violations.field", contains("header"));
        send("target,tier,dataClass,criticality,ownerteam\n" + t + ",PRODUCTION,PII,HIGH,payments\n")
                .statusCode(400).body("violations.field", contains("header"))
                .body("detail", containsString("case-sensitive"));
        send("target,tier,dataClass,criticality\n" + t + ",PRODUCTION,PII,HIGH\n")
                .statusCode(400).body("detail", containsString("ownerTeam"));
        send("target,target,tier,dataClass,criticality,ownerTeam\n").statusCode(400).body("detail", containsString("twice"));
        send(HEADER).statusCode(400).body("violations.field", contains("body"));
        send("").statusCode(400).contentType("application/problem+json");
        nothingStored(t);
    }

    @Test
    void aTargetTwiceInTheFileOrAlreadyRegisteredIsRefusedUnlessUpserting() {
        String t = unique("twice");
        String other = unique("other");
        send(HEADER + t + ",PRODUCTION,PII,HIGH,a,,,\n" + other + ",SANDBOX,PUBLIC,LOW,b,,,\n" + t + ",SANDBOX,PII,LOW,c,,,\n")
                .statusCode(400).body("violations.field", contains("row[4].target"))
                .body("violations[0].message", containsString("row 2"));
        nothingStored(t, other);

        String id = send(HEADER + t + ",PRODUCTION,PII,HIGH,a,,,\n").statusCode(200).extract().path("assets[0].id");
        send(HEADER + other + ",SANDBOX,PUBLIC,LOW,b,,,\n" + t + ",SANDBOX,PII,LOW,c,,,\n").statusCode(409)
                .contentType("application/problem+json").body("violations.field", contains("row[3].target"))
                .body("detail", containsString("mode=upsert"));
        nothingStored(other);
        assertThat(service.matching(t)).singleElement().satisfies(a -> assertThat(a.tier().name()).isEqualTo("PRODUCTION"));

        send((HEADER + other + ",SANDBOX,PUBLIC,LOW,b,,,\n" + t + ",STAGING,PII,LOW,c,5,,\n").getBytes(StandardCharsets.UTF_8),
                "upsert").statusCode(200).body("mode", is("upsert")).body("created", is(1)).body("updated", is(1))
                .body("assets[1].id", is(id)).body("assets[1].tier", is("STAGING"));
        asAdmin().get("/v1/assets/{id}", id).then().body("ownerTeam", is("c")).body("exposure.records", is(5));
        send("x".getBytes(StandardCharsets.UTF_8), "merge").statusCode(400).body("violations.field", contains("mode"));
    }

    @Test
    void tooManyRowsOrBytesAre413AndStoreNothing() {
        String prefix = unique("many-");
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i <= AssetCsv.MAX_ROWS; i++) csv.append(prefix).append(i).append(",SANDBOX,PUBLIC,LOW,t,,,\n");
        send(csv.toString()).statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("more than " + AssetCsv.MAX_ROWS));
        nothingStored(prefix + "0");
        String padded = HEADER + prefix + "x,SANDBOX,PUBLIC,LOW," + "t".repeat(AssetCsv.MAX_BYTES) + ",,,\n";
        send(padded).statusCode(413).contentType("application/problem+json");
        nothingStored(prefix + "x");
    }

    @Test
    void aFormulaInACellIsStoredAsTextAndChangesNothing() {
        String t = unique("formula");
        String formula = "=cmd|' /C calc'!A0";
        String plus = "+1+2";
        String formulaTarget = "=" + unique("SUM(A1:A9)*");
        String id = send(HEADER + t + ",PRODUCTION,PII,HIGH,\"" + formula + "\",,,\n"
                + formulaTarget + ",SANDBOX,PUBLIC,LOW," + plus + ",,,\n").statusCode(200).extract().path("assets[0].id");
        asAdmin().get("/v1/assets/{id}", id).then().body("ownerTeam", equalTo(formula)).body("tier", is("PRODUCTION"));
        assertThat(service.matching(t)).singleElement().satisfies(a -> {
            assertThat(a.ownerTeam()).isEqualTo(formula);
            assertThat(a.tier().name()).isEqualTo("PRODUCTION");
        });
        assertThat(service.matching(formulaTarget.replace("*", "-x"))).singleElement()
                .satisfies(a -> assertThat(a.ownerTeam()).isEqualTo(plus));
        asAdmin().queryParam("ownerTeam", formula).get("/v1/assets").then().body("id", contains(id));
    }

    @Test
    void onlyCsvIsAcceptedAndNotAsJson() {
        asAdmin().contentType("application/json").body("{}").post("/v1/assets/import").then().statusCode(415)
                .contentType("application/problem+json");
        asAdmin().contentType("text/csv; charset=UTF-8").body(new byte[]{(byte) 0xC3, (byte) 0x28}).post("/v1/assets/import").then()
                .statusCode(400).body("violations.field", contains("body"));
        asAdmin().contentType("text/csv; charset=ISO-8859-1").body(HEADER).post("/v1/assets/import").then()
                .statusCode(415).contentType("application/problem+json").body("detail", containsString("UTF-8"));
    }

    @Test
    void everyImportedAssetIsListed() {
        String t = unique(UUID.randomUUID().toString());
        send(HEADER + t + ",PRODUCTION,PII,HIGH,import-team-" + t.hashCode() + ",,,\n").statusCode(200);
        asAdmin().get("/v1/assets?ownerTeam=import-team-" + t.hashCode()).then().statusCode(200)
                .header("X-Total-Count", "1").body("$", hasSize(1));
    }
}
