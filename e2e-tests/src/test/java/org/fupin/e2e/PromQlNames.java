package org.fupin.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The metric names PromQL expressions read, and the expressions of the repository's alert rules and Grafana
 * dashboard. A rule or panel over a name no process exports shows nothing and never fires, with no error
 * anywhere: these names are what a test holds against a scrape of the running suite.
 *
 * <p>A scanner, not a parser: it knows enough of the grammar to pass over what is not a metric name (function
 * and aggregation names, keywords, label lists, label matchers, strings, ranges and durations, numbers,
 * comments, Grafana's variables) and takes every other identifier for one. It does not check that the expression
 * is valid.
 */
final class PromQlNames {

    static final Path ALERTS = Path.of("deploy/monitoring/alerts.yaml");
    static final Path DASHBOARD = Path.of("deploy/monitoring/grafana-dashboard.json");

    /** Binary operators and modifiers spelt as words, and the number literals Inf and NaN. */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan");
    /** Keywords that may be followed by a parenthesised list of label names. */
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    /** Aggregation operators, which may put "by (...)" between their name and their parenthesis. */
    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar", "count",
            "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    /** A selector may name its metric as a label matcher alone: {__name__="up"}. */
    private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*=\\s*\"([^\"]*)\"");

    private PromQlNames() {
    }

    /** The metric names one expression reads, in the order they first appear. */
    static Set<String> metricNames(String expression) {
        Set<String> names = new LinkedHashSet<>();
        int length = expression.length();
        int i = 0;
        while (i < length) {
            char c = expression.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = afterString(expression, i);
            } else if (c == '#') {
                int endOfLine = expression.indexOf('\n', i);
                i = endOfLine < 0 ? length : endOfLine;
            } else if (c == '{') {
                int end = afterClosing(expression, i, '{', '}');
                Matcher named = NAME_MATCHER.matcher(expression.substring(i, end));
                while (named.find()) {
                    names.add(named.group(1));
                }
                i = end;
            } else if (c == '[') {
                // A range or subquery ([5m], [1h:1m], [$__rate_interval]) or Grafana's [[variable]].
                i = afterClosing(expression, i, '[', ']');
            } else if (c == '$') {
                i = afterVariable(expression, i);
            } else if (isDigit(c) || c == '.') {
                i = afterNumber(expression, i);
            } else if (isNameStart(c)) {
                int end = i + 1;
                while (end < length && isNamePart(expression.charAt(end))) {
                    end++;
                }
                String word = expression.substring(i, end);
                String keyword = word.toLowerCase(Locale.ROOT);
                int next = skipSpaces(expression, end);
                boolean call = next < length && expression.charAt(next) == '(';
                if (LABEL_LISTS.contains(keyword)) {
                    i = call ? afterClosing(expression, next, '(', ')') : end;
                } else if (KEYWORDS.contains(keyword) || call || (AGGREGATIONS.contains(keyword) && startsGrouping(expression, next))) {
                    i = end;
                } else {
                    names.add(word);
                    i = end;
                }
            } else {
                i++;
            }
        }
        return names;
    }

    /** The metric names any of the expressions reads, sorted. */
    static Set<String> allMetricNames(Collection<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            names.addAll(metricNames(expression));
        }
        return names;
    }

    /** Every expression of the repository's alert rules and Grafana dashboard. */
    static List<String> expressions(Path repositoryRoot) throws IOException {
        List<String> expressions = new ArrayList<>(alertExpressions(repositoryRoot.resolve(ALERTS)));
        expressions.addAll(dashboardExpressions(repositoryRoot.resolve(DASHBOARD)));
        return expressions;
    }

    /** The expr of every rule of a Prometheus rules file, or of a PrometheusRule (its spec holds the groups). */
    static List<String> alertExpressions(Path rulesFile) throws IOException {
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> rule : rules(rulesFile)) {
            expressions.add(String.valueOf(rule.get("expr")));
        }
        return expressions;
    }

    /** Every rule of a Prometheus rules file or PrometheusRule, group after group. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules(Path rulesFile) throws IOException {
        Map<String, Object> document;
        try (InputStream in = Files.newInputStream(rulesFile)) {
            document = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        }
        Map<String, Object> holder = document.containsKey("spec") ? (Map<String, Object>) document.get("spec") : document;
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Object group : (List<Object>) holder.get("groups")) {
            for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
                rules.add((Map<String, Object>) rule);
            }
        }
        return rules;
    }

    /** The expr of every target of every panel of a Grafana dashboard, the panels of collapsed rows included. */
    static List<String> dashboardExpressions(Path dashboardFile) throws IOException {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : panels(new ObjectMapper().readTree(dashboardFile.toFile()))) {
            for (JsonNode target : panel.path("targets")) {
                String expression = target.path("expr").asText("");
                if (!expression.isBlank()) {
                    expressions.add(expression);
                }
            }
        }
        return expressions;
    }

    /**
     * Every panel of a dashboard, rows included: an expanded row's panels follow it at the top level, a collapsed
     * row keeps them in its own "panels".
     */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        addPanels(dashboard.path("panels"), panels);
        return panels;
    }

    private static void addPanels(JsonNode list, List<JsonNode> into) {
        for (JsonNode panel : list) {
            into.add(panel);
            addPanels(panel.path("panels"), into);
        }
    }

    /** Whether the text at the index starts with the keyword "by" or "without" (an aggregation's grouping). */
    private static boolean startsGrouping(String expression, int at) {
        for (String keyword : List.of("by", "without")) {
            int end = at + keyword.length();
            if (expression.regionMatches(true, at, keyword, 0, keyword.length())
                    && (end >= expression.length() || !isNamePart(expression.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static int afterString(String expression, int start) {
        char quote = expression.charAt(start);
        int i = start + 1;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return expression.length();
    }

    /** The index after the bracket that closes the one at start, passing over strings and nested pairs. */
    private static int afterClosing(String expression, int start, char open, char close) {
        int depth = 0;
        int i = start;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = afterString(expression, i);
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return expression.length();
    }

    /** Grafana's $name, $__rate_interval or ${name:format}. */
    private static int afterVariable(String expression, int start) {
        int i = start + 1;
        if (i < expression.length() && expression.charAt(i) == '{') {
            return afterClosing(expression, i, '{', '}');
        }
        while (i < expression.length() && isNamePart(expression.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A number or a duration: 0.95, 1e3, 0x1F, 5m, 1h30m. */
    private static int afterNumber(String expression, int start) {
        int i = start;
        while (i < expression.length() && (isNamePart(expression.charAt(i)) || expression.charAt(i) == '.')) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(String expression, int start) {
        int i = start;
        while (i < expression.length() && Character.isWhitespace(expression.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
