package org.fupin.reporting.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV shape the summary reports share: one figure per row (region, asOf, figure, value), so a new figure
 * is a new row rather than a new column that breaks a reader's import.
 */
public final class Figures {

    public static final List<String> HEADER = List.of("region", "asOf", "figure", "value");

    private final String region;
    private final LocalDate asOf;
    private final List<List<Object>> rows = new ArrayList<>();

    public Figures(String region, LocalDate asOf) {
        this.region = region;
        this.asOf = asOf;
    }

    /** A figure of the report's own region; an absent value (a median of nothing) is an empty cell. */
    public Figures add(String figure, Object value) {
        return add(region, figure, value);
    }

    /** A figure of another region the report breaks down into (a township of the county, say). */
    public Figures add(String otherRegion, String figure, Object value) {
        rows.add(List.of(otherRegion, asOf, figure, value == null ? "" : value));
        return this;
    }

    public List<List<Object>> rows() {
        return rows;
    }
}
