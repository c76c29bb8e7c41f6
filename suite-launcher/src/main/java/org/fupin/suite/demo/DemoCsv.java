package org.fupin.suite.demo;

import java.util.List;

import org.fupin.suite.demo.DemoCounty.Household;
import org.fupin.suite.demo.DemoCounty.Member;

/** The households of a demo county as the CSV file of {@code POST /api/v1/household-imports}: one row per member. */
final class DemoCsv {

    static final List<String> HEADER = List.of("householdRef", "villageCode", "address", "phone", "category", "causes",
            "primaryCause", "identifiedYear", "annualIncomePerCapita", "initialStatus", "registeredOn", "name", "idNumber",
            "relation", "health", "disabilityGrade", "severeMentalIllness", "education", "laborCapacity", "medicalInsurance",
            "migrantWorker");

    private DemoCsv() {
    }

    static String of(DemoCounty county) {
        StringBuilder csv = new StringBuilder(county.households().size() * 600);
        csv.append(String.join(",", HEADER)).append('\n');
        for (Household household : county.households()) {
            for (Member member : household.members()) {
                row(csv, household.ref(), household.villageCode(), household.address(), household.phone(), household.category(),
                        String.join("|", household.causes()), household.primaryCause(), String.valueOf(household.identifiedYear()),
                        household.annualIncomePerCapita().toPlainString(), household.initialStatus(),
                        household.registeredOn().toString(), member.name(), member.idNumber(), member.relation(), member.health(),
                        member.disabilityGrade() == null ? "" : member.disabilityGrade().toString(),
                        String.valueOf(member.severeMentalIllness()), member.education(), member.laborCapacity(),
                        String.valueOf(member.medicalInsurance()), String.valueOf(member.migrantWorker()));
            }
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells[i];
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0) {
                csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(cell);
            }
        }
        csv.append('\n');
    }
}
