package org.fupin.household.registry.rest;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The CSV form of a household list (RFC 4180, UTF-8, header row first). */
final class HouseholdCsv {

    static final List<String> HEADER = List.of("householdNo", "id", "villageCode", "status", "riskType", "category",
            "primaryCause", "causes", "identifiedYear", "annualIncomePerCapita", "registeredOn", "headName",
            "headIdNumber", "memberCount");

    private HouseholdCsv() {
    }

    static void header(Writer out) throws IOException {
        line(out, HEADER);
    }

    static void row(Writer out, HouseholdSummary h) throws IOException {
        line(out, List.of(h.householdNo(), h.id().toString(), h.villageCode(), h.status(), text(h.riskType()),
                h.category(), h.primaryCause(), String.join("|", h.causes()), String.valueOf(h.identifiedYear()),
                h.annualIncomePerCapita().toPlainString(), h.registeredOn().toString(), text(h.headName()),
                text(h.headIdNumber()), String.valueOf(h.memberCount())));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(fields.get(i)));
        }
        out.write("\r\n");
    }

    /**
     * Quotes where RFC 4180 needs it, and neutralises a leading =, +, - or @ so that a spreadsheet
     * opening the export never runs a name as a formula (CSV injection).
     */
    static String quoted(String field) {
        String value = field;
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
