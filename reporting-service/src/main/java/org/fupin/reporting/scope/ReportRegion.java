package org.fupin.reporting.scope;

/** The region a report is about, as the read model knows it. */
public record ReportRegion(String code, String name, String level, Integer ruralPopulation) {
}
