package dev.governor.testing;

import io.restassured.RestAssured;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a value from {@code /q/metrics} (Prometheus text), as an operator's scraper would. */
public final class Metrics {

    private Metrics() {
    }

    /** The value of {@code name{tag="value"}}; 0 while the series does not exist yet. */
    public static double value(String name, String tag, String value) {
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "\\{" + Pattern.quote(tag + "=\"" + value + "\"")
                + ",?\\} ([0-9.E+-]+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
