package org.fupin.household.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fupin.household.imports.domain.ImportColumn;
import org.fupin.household.registry.domain.IdNumber;

/** Rows of household import files for tests: valid by default, changed cell by cell. */
public final class ImportFiles {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private ImportFiles() {
    }

    /** The header row, columns in their documented order. */
    public static String header() {
        return String.join(",", ImportColumn.headers()) + "\n";
    }

    /**
     * A valid ID number of a person registered in {@code region} (6 digits), distinct for every
     * {@code index} below 999 × 20,000: the birth date and serial count up with it.
     */
    public static String idNumber(String region, int index) {
        String body = region + LocalDate.of(1950, 1, 1).plusDays(index / 999).format(BASIC)
                + String.format("%03d", index % 999 + 1);
        return body + IdNumber.checkCharacter(body);
    }

    /** The cells of one member row of a valid household; change any before writing it. */
    public static Map<String, String> row(String ref, String village, String name, String idNumber, String relation) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("householdRef", ref);
        row.put("villageCode", village);
        row.put("address", "桂林村三组12号");
        row.put("phone", "13800138000");
        row.put("category", "GENERAL");
        row.put("causes", "ILLNESS|LACK_OF_SKILLS");
        row.put("primaryCause", "ILLNESS");
        row.put("identifiedYear", "2016");
        row.put("annualIncomePerCapita", "2800.50");
        row.put("initialStatus", "");
        row.put("registeredOn", "2016-05-01");
        row.put("name", name);
        row.put("idNumber", idNumber);
        row.put("relation", relation);
        row.put("health", "HEALTHY");
        row.put("disabilityGrade", "");
        row.put("severeMentalIllness", "false");
        row.put("education", "GRADUATED");
        row.put("laborCapacity", "FULL");
        row.put("medicalInsurance", "是");
        row.put("migrantWorker", "0");
        return row;
    }

    /** One CSV line (RFC 4180 quoting) with the cells in header order. */
    public static String line(Map<String, String> row) {
        return ImportColumn.headers().stream().map(column -> quoted(row.getOrDefault(column, ""))).collect(Collectors.joining(","))
                + "\n";
    }

    public static String lines(List<Map<String, String>> rows) {
        return rows.stream().map(ImportFiles::line).collect(Collectors.joining());
    }

    private static String quoted(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
