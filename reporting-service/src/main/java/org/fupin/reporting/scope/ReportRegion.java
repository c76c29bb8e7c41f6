package org.fupin.reporting.scope;

import org.fupin.platform.sql.Row;

/** The region a report is about, as the read model knows it. */
public record ReportRegion(String code, String name, String level, Integer ruralPopulation) {

    /** A row of {@code region_fact} with the columns code, name, level and rural_population. */
    public static ReportRegion of(Row row) {
        return new ReportRegion(row.text("code"), row.text("name"), row.text("level"), row.integerOrNull("rural_population"));
    }
}
