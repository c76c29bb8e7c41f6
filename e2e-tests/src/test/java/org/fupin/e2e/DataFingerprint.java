package org.fupin.e2e;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.fupin.e2e.OpenApiDocument.Operation;
import org.fupin.e2e.OpenApiDocument.Parameter;
import org.fupin.suite.Suite;

/**
 * Everything a client can read of the data, and how many rows every table of household-service
 * and assistance-service holds: read before and after the bad requests, it must be the same.
 * What is read comes from the OpenAPI document too: every list (every page, also as CSV) and every
 * resource of the test's own records, so that new endpoints are watched without a change here.
 */
final class DataFingerprint {

    private static final List<String> DATABASES = List.of("household", "assistance");
    private static final Duration SETTLED = Duration.ofSeconds(1);
    private static final Duration AT_MOST = Duration.ofSeconds(30);
    /** Every answer carries the id of its request; it says nothing about the data. */
    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\":\"[^\"]*\"");
    /** household-service's log of reads of personal data (issue 17), and its endpoint's name. */
    private static final String ACCESS_LOG = "access_log";

    private final OpenApiDocument document;
    private final List<Operation> operations;
    private final Function<String, Optional<String>> existing;
    private final Suite suite;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    DataFingerprint(OpenApiDocument document, Function<String, Optional<String>> existing, Suite suite, String token) {
        this.document = document;
        this.operations = document.operations();
        this.existing = existing;
        this.suite = suite;
        this.token = token;
    }

    /**
     * The views once they stop moving: events of earlier tests may still be reaching the
     * assistance replica, and that is not what this fingerprint is about.
     */
    Map<String, String> settled() throws InterruptedException {
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        Map<String, String> previous = read();
        while (true) {
            Thread.sleep(SETTLED.toMillis());
            Map<String, String> current = read();
            if (current.equals(previous) || System.nanoTime() > deadline) {
                return current;
            }
            previous = current;
        }
    }

    /** The names of the views that differ, each with what it showed before and after. */
    static List<String> differences(Map<String, String> before, Map<String, String> after) {
        List<String> differences = new ArrayList<>();
        Set<String> views = new TreeSet<>(before.keySet());
        views.addAll(after.keySet());
        for (String view : views) {
            String was = before.get(view);
            String is = after.get(view);
            if (was == null || !was.equals(is)) {
                differences.add(view + "\n      before: " + excerpt(was) + "\n      after:  " + excerpt(is));
            }
        }
        return differences;
    }

    Map<String, String> read() {
        Map<String, String> views = new TreeMap<>();
        for (Operation operation : operations) {
            if (!operation.isSafe() || operation.in("query").stream().anyMatch(Parameter::required)) {
                continue;
            }
            if (operation.path().startsWith("/api/v1/" + ACCESS_LOG.replace('_', '-'))) {
                // It lists this fingerprint's own reads, which grow with every read; its rows are counted below.
                continue;
            }
            Optional<String> path = concrete(operation);
            boolean list = isList(operation);
            boolean collection = operation.in("path").isEmpty();
            if (path.isEmpty() || (collection && !list)) {
                // A record of a kind the test made none of; or reports and totals, figures computed from what is watched here.
                continue;
            }
            views.put("GET " + path.get(), list ? allPages(path.get()) : get(path.get(), "application/json"));
            if (list && collection) {
                views.put("GET " + path.get() + " as CSV", get(path.get(), "text/csv"));
            }
        }
        for (String service : DATABASES) {
            views.put("rows in the tables of " + service + "-service", rowCounts(service));
        }
        return views;
    }

    private Optional<String> concrete(Operation operation) {
        String path = operation.path();
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].startsWith("{")) {
                Optional<String> id = existing.apply(segments[i - 1]);
                if (id.isEmpty()) {
                    return Optional.empty();
                }
                path = path.replace(segments[i], id.get());
            }
        }
        return Optional.of(path);
    }

    /** A list answers a page: an object with items (and nextCursor). */
    private boolean isList(Operation operation) {
        JsonObject ok = operation.responses().getJsonObject("200");
        if (ok == null || !ok.containsKey("content") || !ok.getJsonObject("content").containsKey("application/json")) {
            return false;
        }
        JsonObject schema = document.resolve(ok.getJsonObject("content").getJsonObject("application/json").get("schema"));
        return schema.containsKey("properties") && schema.getJsonObject("properties").containsKey("items");
    }

    private String allPages(String path) {
        StringBuilder pages = new StringBuilder();
        String cursor = null;
        do {
            String url = path + "?limit=500" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> page = send(url, "application/json");
            pages.append(page.statusCode()).append(' ').append(withoutRequestId(page.body())).append('\n');
            cursor = page.statusCode() == 200 ? nextCursor(page.body()) : null;
        } while (cursor != null);
        return pages.toString();
    }

    private String get(String path, String accept) {
        HttpResponse<String> response = send(path, accept);
        return response.statusCode() + " " + response.headers().firstValue("ETag").orElse("-") + " " + withoutRequestId(response.body());
    }

    private static String withoutRequestId(String body) {
        return REQUEST_ID.matcher(body).replaceAll("\"requestId\":\"…\"");
    }

    private HttpResponse<String> send(String path, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).header("Accept", accept)
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path + " for the fingerprint", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String nextCursor(String page) {
        try (var reader = Json.createReader(new StringReader(page))) {
            JsonValue cursor = reader.readObject().get("nextCursor");
            return cursor instanceof JsonString text ? text.getString() : null;
        }
    }

    private String rowCounts(String service) {
        StringBuilder counts = new StringBuilder();
        try (Connection db = E2eSuite.connect(suite.settings(), service); Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                if (table.equals(ACCESS_LOG)) {
                    // Every read that shows personal data appends to it, this fingerprint's and the fuzzer's accepted reads
                    // alike: a record of reading, not a change of the register.
                    continue;
                }
                try (ResultSet rows = statement.executeQuery("select count(*) from \"" + table + "\"")) {
                    rows.next();
                    counts.append(table).append('=').append(rows.getLong(1)).append(' ');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the rows of " + service + "-service", e);
        }
        return counts.toString().strip();
    }

    private static String excerpt(String view) {
        if (view == null) {
            return "(absent)";
        }
        return view.length() <= 600 ? view : view.substring(0, 600) + "…(" + view.length() + " chars)";
    }
}
