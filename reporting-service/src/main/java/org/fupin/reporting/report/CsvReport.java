package org.fupin.reporting.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A report that can also be answered as CSV (Accept: text/csv): a header and rows of values. */
public interface CsvReport {

    @JsonIgnore
    List<String> csvHeader();

    @JsonIgnore
    List<List<Object>> csvRows();
}
