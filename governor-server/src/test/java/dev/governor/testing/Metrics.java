package dev.governor.testing;

import io.restassured.RestAssured;

import java.util.HashMap;
import java.util.Map;
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

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{([^}]*)\\})? (\\S+)$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * The sum of every sample of {@code name} whose labels include {@code labels} (in any order,
     * other labels free); 0 while no such series exists, NaN when one of them reads NaN.
     */
    public static double sum(String name, Map<String, String> labels) {
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        double total = 0;
        Matcher m = SAMPLE.matcher(metrics);
        while (m.find()) {
            if (!m.group(1).equals(name)) continue;
            Map<String, String> have = new HashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) have.put(l.group(1), l.group(2));
            }
            if (have.entrySet().containsAll(labels.entrySet())) total += Double.parseDouble(m.group(3));
        }
        return total;
    }

    public static double sum(String name) {
        return sum(name, Map.of());
    }
}
