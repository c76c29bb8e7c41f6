package org.fupin.reporting.report;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.fupin.reporting.exits.Interval;

/** The period and the step of the exits report. */
public class ExitsRangeParams {

    @QueryParam("from")
    @Parameter(description = "First day (yyyy-MM-dd); default 100 days before `to`.", schema = @Schema(format = "date"))
    String from;

    @QueryParam("to")
    @Parameter(description = "Last day (yyyy-MM-dd); default and at most asOf.", schema = @Schema(format = "date"))
    String to;

    @QueryParam("interval")
    @Parameter(description = "DAY, WEEK (default, weeks start on Monday) or MONTH; at most 1000 periods.",
            schema = @Schema(implementation = Interval.class))
    String interval;
}
