package org.fupin.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a scrape of {@code /q/metrics} (the Prometheus text format) as an operator's query would: the sum of a metric's
 * series whose labels include the given ones, and whether any series of it is there at all.
 */
public final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample line: the series' name, its label text (null without labels) and its value. */
    private record Sample(String name, String labels, double value) {
    }

    private final List<Sample> samples = new ArrayList<>();

    public PrometheusText(String text) {
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(withoutExemplar(line));
            if (!line.startsWith("#") && sample.matches()) {
                samples.add(new Sample(sample.group(1), sample.group(3), Double.parseDouble(sample.group(4))));
            }
        }
    }

    /**
     * Scrapes {@code uri} as Prometheus does, over HTTP/1.1 (the JDK client would try an h2c upgrade the management
     * interface does not speak); anything but 200 fails the test.
     */
    public static PrometheusText scrape(URI uri) {
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("GET " + uri + " answered " + answer.statusCode());
            }
            return new PrometheusText(answer.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Whether the scrape has at least one series of the metric with those labels. */
    public boolean has(String metric, Map<String, String> labels) {
        return sum(metric, labels) != null;
    }

    /** The sum of the metric's series with those labels (among others); null when there is none. */
    public Double sum(String metric, Map<String, String> labels) {
        Double total = null;
        for (Sample sample : samples) {
            if (sample.name().equals(metric) && labelled(sample.labels(), labels)) {
                total = total == null ? sample.value() : total + sample.value();
            }
        }
        return total;
    }

    /** The names of every series in the scrape (a histogram's as {@code _bucket}, {@code _count} and {@code _sum}). */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(sample -> names.add(sample.name()));
        return names;
    }

    /**
     * A sample line without its OpenMetrics exemplar ({@code  # {trace_id="..."} 1.0 1.7e9}), which names the trace
     * of one observation: the services add them since they trace (issue 19).
     */
    private static String withoutExemplar(String line) {
        int exemplar = line.indexOf(" # {");
        return (exemplar < 0 ? line : line.substring(0, exemplar)).strip();
    }

    /** The sum, 0 when there is no such series (a counter nothing has counted yet). */
    public double value(String metric, Map<String, String> labels) {
        Double sum = sum(metric, labels);
        return sum == null ? 0 : sum;
    }

    private static boolean labelled(String labelText, Map<String, String> wanted) {
        if (wanted.isEmpty()) {
            return true;
        }
        if (labelText == null) {
            return false;
        }
        Map<String, String> found = new HashMap<>();
        Matcher label = LABEL.matcher(labelText);
        while (label.find()) {
            found.put(label.group(1), label.group(2));
        }
        return wanted.entrySet().stream().allMatch(entry -> entry.getValue().equals(found.get(entry.getKey())));
    }
}
