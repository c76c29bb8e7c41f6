package org.fupin.household.imports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fupin.household.imports.ImportFiles;
import org.fupin.household.registry.domain.Relation;
import org.junit.jupiter.api.Test;

/** The checks of an imported household, each error on the row and CSV column it concerns. */
class ImportValidationTest {

    private static final LocalDate TODAY = LocalDate.of(2020, 6, 30);
    private static final String VILLAGE = "500235100201";
    private static final String FOREIGN_VILLAGE = "500235999201";

    private int nextId;

    @Test
    void acceptsAValidHouseholdWithTheRowOfEachMember() throws IOException {
        List<ImportValidation.Outcome> outcomes = validate(household("H1", 3));

        assertThat(outcomes).hasSize(1);
        ImportedHousehold household = outcomes.get(0).household();
        assertThat(household).isNotNull();
        assertThat(household.firstRow()).isEqualTo(2);
        assertThat(household.memberRows()).containsExactly(2L, 3L, 4L);
        assertThat(household.household().members()).extracting(m -> m.relation())
                .containsExactly(Relation.HEAD, Relation.SPOUSE, Relation.CHILD);
        assertThat(household.household().members().get(0).medicalInsurance()).isTrue();
        assertThat(household.household().registeredOn()).isEqualTo(LocalDate.of(2016, 5, 1));
    }

    @Test
    void putsAWrongCheckDigitOnTheMembersRow() throws IOException {
        List<Map<String, String>> rows = household("H1", 3);
        String valid = rows.get(1).get("idNumber");
        rows.get(1).put("idNumber", valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1'));

        assertThat(errors(rows)).containsExactly(tuple(3L, "idNumber", "id-number-check-digit"));
    }

    @Test
    void putsTheHeadCountOnTheHouseholdsFirstRow() throws IOException {
        List<Map<String, String>> rows = household("H1", 3);
        rows.get(2).put("relation", "HEAD");

        assertThat(errors(rows)).containsExactly(tuple(2L, "relation", "head-count"));
    }

    @Test
    void rejectsAVillageOutsideTheImportersRegion() throws IOException {
        List<Map<String, String>> rows = household("H1", 2);
        rows.forEach(row -> row.put("villageCode", FOREIGN_VILLAGE));

        assertThat(errors(rows)).containsExactly(tuple(2L, "villageCode", "unknown-village"));
    }

    @Test
    void rejectsCellsThatDoNotParse() throws IOException {
        List<Map<String, String>> rows = household("H1", 3);
        rows.forEach(row -> row.put("category", "RICH"));
        rows.get(1).put("health", "SICK");
        rows.get(1).put("migrantWorker", "maybe");
        rows.get(2).put("disabilityGrade", "two");

        assertThat(errors(rows)).containsExactly(
                tuple(2L, "category", "invalid-value"),
                tuple(3L, "health", "invalid-value"),
                tuple(3L, "migrantWorker", "invalid-value"),
                tuple(4L, "disabilityGrade", "invalid-value"));
    }

    @Test
    void reportsAnUnreadableCauseOnceWithoutEchoesOnThePrimaryCause() throws IOException {
        List<Map<String, String>> rows = household("H1", 1);
        rows.get(0).put("causes", "ILLNESS|BAD_LUCK");

        assertThat(errors(rows)).containsExactly(tuple(2L, "causes", "invalid-value"));
    }

    @Test
    void appliesTheApisRangesAndRules() throws IOException {
        List<Map<String, String>> rows = household("H1", 2);
        rows.forEach(row -> {
            row.put("primaryCause", "DISASTER");
            row.put("identifiedYear", "");
            row.put("phone", "12345");
        });
        rows.get(1).put("disabilityGrade", "7");
        rows.get(1).put("name", "李四!");

        assertThat(errors(rows)).containsExactly(
                tuple(2L, "phone", "phone-format"),
                tuple(2L, "primaryCause", "primary-cause-not-in-causes"),
                tuple(2L, "identifiedYear", "required"),
                tuple(3L, "name", "name-format"),
                tuple(3L, "disabilityGrade", "range"));
    }

    @Test
    void mapsTheRemainingRegistrationRulesToTheirCells() throws IOException {
        List<Map<String, String>> rows = household("H1", 3);
        rows.forEach(row -> {
            row.put("villageCode", "5002351002");
            row.put("address", "");
            row.put("causes", "ILLNESS|ILLNESS");
            row.put("registeredOn", "2015-01-01");
            row.put("annualIncomePerCapita", "-1");
        });
        rows.get(1).put("idNumber", "50023619500101001");
        rows.get(2).put("idNumber", "");

        assertThat(errors(rows)).containsExactly(
                tuple(2L, "villageCode", "format"),
                tuple(2L, "address", "length"),
                tuple(2L, "causes", "duplicate-cause"),
                tuple(2L, "annualIncomePerCapita", "range"),
                tuple(2L, "registeredOn", "registered-on-range"),
                tuple(3L, "idNumber", "id-number-format"),
                tuple(4L, "idNumber", "required"));
    }

    @Test
    void acceptsEmptyOptionalCellsAndTheirDefaults() throws IOException {
        List<Map<String, String>> rows = household("H1", 1);
        rows.get(0).put("phone", "");
        rows.get(0).put("registeredOn", "");
        rows.get(0).put("initialStatus", "monitored");

        ImportedHousehold household = validate(rows).get(0).household();

        assertThat(household.household().phone()).isNull();
        assertThat(household.household().registeredOn()).isNull();
        assertThat(household.household().initialStatus().name()).isEqualTo("MONITORED");
    }

    @Test
    void requiresTheHouseholdColumnsToAgreeOnEveryRow() throws IOException {
        List<Map<String, String>> rows = household("H1", 3);
        rows.get(2).put("address", "另一个地址");
        rows.get(2).put("annualIncomePerCapita", "2800.5");

        assertThat(errors(rows)).containsExactly(
                tuple(4L, "address", "inconsistent-household"),
                tuple(4L, "annualIncomePerCapita", "inconsistent-household"));
    }

    @Test
    void rejectsTheLaterUseOfAnIdNumberInTheFileAndKeepsTheFirst() throws IOException {
        List<Map<String, String>> rows = new ArrayList<>(household("H1", 2));
        List<Map<String, String>> second = household("H2", 3);
        second.get(2).put("idNumber", rows.get(1).get("idNumber").toLowerCase());
        rows.addAll(second);

        List<ImportValidation.Outcome> outcomes = validate(rows);

        assertThat(outcomes.get(0).valid()).isTrue();
        assertThat(outcomes.get(1).errors()).extracting(RowError::row, RowError::field, RowError::code)
                .containsExactly(tuple(6L, "idNumber", "duplicate-in-file"));
    }

    @Test
    void callsARepeatedIdNumberInsideOneHouseholdADuplicateInTheFile() throws IOException {
        List<Map<String, String>> rows = household("H1", 2);
        rows.get(1).put("idNumber", rows.get(0).get("idNumber"));

        assertThat(errors(rows)).containsExactly(tuple(3L, "idNumber", "duplicate-in-file"));
    }

    @Test
    void skipsAScatteredHouseholdWholeAndReportsItsLaterRows() throws IOException {
        List<Map<String, String>> a = household("A", 3);
        List<Map<String, String>> rows = new ArrayList<>(a.subList(0, 2));
        rows.addAll(household("B", 1));
        rows.add(a.get(2));

        List<ImportValidation.Outcome> outcomes = validate(rows);

        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(0).valid()).as("first rows of A").isFalse();
        assertThat(outcomes.get(0).errors()).isEmpty();
        assertThat(outcomes.get(1).valid()).as("B").isTrue();
        assertThat(outcomes.get(2).errors()).extracting(RowError::row, RowError::field, RowError::code)
                .containsExactly(tuple(5L, "householdRef", "household-rows-not-together"));
    }

    @Test
    void rejectsARowWithTheWrongNumberOfFields() throws IOException {
        String file = ImportFiles.header() + ImportFiles.lines(household("H1", 1)) + "H2,500235100201,addr\n";
        List<ImportValidation.Outcome> outcomes = validateRows(ImportCsvTest.read(file));

        assertThat(outcomes.get(1).errors()).extracting(RowError::row, RowError::field, RowError::code)
                .containsExactly(tuple(3L, null, "column-count"));
    }

    @Test
    void countsRowsAsTheSpreadsheetDoesWhenCellsSpanLines() throws IOException {
        List<Map<String, String>> rows = household("H1", 2);
        rows.forEach(row -> row.put("address", "桂林村,\n三组"));
        String valid = rows.get(1).get("idNumber");
        rows.get(1).put("idNumber", valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1'));

        List<ImportValidation.Outcome> outcomes = validateRows(ImportCsvTest.read("\uFEFF" + ImportFiles.header() + ImportFiles.lines(rows)));

        assertThat(outcomes.get(0).errors()).extracting(RowError::row, RowError::field, RowError::code)
                .containsExactly(tuple(3L, "idNumber", "id-number-check-digit"));
    }

    private List<Map<String, String>> household(String ref, int members) {
        List<Map<String, String>> rows = new ArrayList<>();
        String[] relations = { "HEAD", "SPOUSE", "CHILD", "PARENT" };
        for (int i = 0; i < members; i++) {
            rows.add(ImportFiles.row(ref, VILLAGE, "成员" + "甲乙丙丁".charAt(i), ImportFiles.idNumber("500236", nextId++), relations[i]));
        }
        return rows;
    }

    private static List<org.assertj.core.groups.Tuple> errors(List<Map<String, String>> rows) throws IOException {
        List<ImportValidation.Outcome> outcomes = validate(rows);
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).valid()).isFalse();
        return outcomes.get(0).errors().stream().map(e -> tuple(e.row(), e.field(), e.code())).toList();
    }

    private static List<ImportValidation.Outcome> validate(List<Map<String, String>> rows) throws IOException {
        return validateRows(ImportCsvTest.read(ImportFiles.header() + ImportFiles.lines(rows)));
    }

    private static List<ImportValidation.Outcome> validateRows(List<ImportRow> rows) {
        ImportValidation validation = new ImportValidation(TODAY, VILLAGE::equals);
        Set<String> scattered = ImportRows.scatteredRefs(rows.iterator());
        List<ImportValidation.Outcome> outcomes = new ArrayList<>();
        ImportRows.groups(rows.iterator(), scattered).forEachRemaining(group -> outcomes.add(validation.validate(group)));
        return outcomes;
    }
}
