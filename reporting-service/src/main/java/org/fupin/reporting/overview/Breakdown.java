package org.fupin.reporting.overview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.platform.inbox.Freshness;
import org.fupin.reporting.report.CsvReport;
import org.fupin.reporting.scope.ReportRegion;

/** The overview figures per child region (分鄉鎮、分村): townships of the county, villages of a township. */
@Schema(name = "BreakdownReport")
public record Breakdown(ReportRegion region, LocalDate asOf, List<RegionFigures> rows, Freshness freshness)
        implements CsvReport {

    @Override
    public List<String> csvHeader() {
        List<String> header = new ArrayList<>(List.of("code", "name", "level", "ruralPopulation", "households", "people"));
        HouseholdStatuses.ALL.forEach(status -> header.add("households" + status));
        header.addAll(List.of("currentlyPoorHouseholds", "currentlyPoorPeople", "povertyIncidence", "poorVillages",
                "poorVillagesExited", "deepPovertyVillages", "deepPovertyVillagesExited", "poorVillagesExitDecided", "exitDecidedOn"));
        return header;
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> lines = new ArrayList<>();
        for (RegionFigures row : rows) {
            List<Object> line = new ArrayList<>(List.of(row.region().code(), row.region().name(), row.region().level(),
                    row.region().ruralPopulation() == null ? "" : row.region().ruralPopulation(),
                    row.households().total(), row.people().total()));
            HouseholdStatuses.ALL.forEach(status -> line.add(row.households().byStatus().get(status)));
            line.addAll(List.of(row.currentlyPoor().households(), row.currentlyPoor().people(),
                    row.povertyIncidence() == null ? "" : row.povertyIncidence(), row.villages().poor(),
                    row.villages().poorExited(), row.villages().deepPoverty(), row.villages().deepPovertyExited(),
                    row.villages().poorExitDecided(), row.exitDecidedOn() == null ? "" : row.exitDecidedOn()));
            lines.add(line);
        }
        return lines;
    }
}
