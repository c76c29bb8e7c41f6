package org.fupin.household.imports.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fupin.household.registry.domain.Education;
import org.fupin.household.registry.domain.Health;
import org.fupin.household.registry.domain.HouseholdCategory;
import org.fupin.household.registry.domain.IdNumber;
import org.fupin.household.registry.domain.InitialStatus;
import org.fupin.household.registry.domain.LaborCapacity;
import org.fupin.household.registry.domain.NewHousehold;
import org.fupin.household.registry.domain.NewMember;
import org.fupin.household.registry.domain.PovertyCause;
import org.fupin.household.registry.domain.RegistrationRules;
import org.fupin.household.registry.domain.Relation;
import org.fupin.kernel.Violation;

/**
 * Checks the households of one import file, one at a time, with the registration rules of the API
 * ({@link RegistrationRules}, {@link IdNumber}) and the rules of a file: cells that parse, rows of
 * a household that agree on the household's columns, ID numbers used once in the file, a village
 * the importer may register in. Errors name the row and the CSV column. Stateful (the ID numbers
 * seen so far): one instance per file.
 */
public final class ImportValidation {

    /** Field paths of {@link RegistrationRules}: {@code members[2].idNumber} names member 2's column. */
    private static final Pattern MEMBER_PATH = Pattern.compile("members\\[(\\d+)]\\.(\\w+)");

    private final LocalDate today;
    private final Predicate<String> registrableVillage;
    private final Set<String> idNumbersInFile = new HashSet<>();

    /**
     * @param today the date that ID numbers' birth dates and registration dates are checked against
     * @param registrableVillage whether a village code is a village of the registry within the importer's region
     */
    public ImportValidation(LocalDate today, Predicate<String> registrableVillage) {
        this.today = today;
        this.registrableVillage = registrableVillage;
    }

    /** The outcome for one group of rows: the household to register, or the errors of its rows. */
    public record Outcome(ImportedHousehold household, List<RowError> errors) {

        public Outcome {
            errors = List.copyOf(errors);
        }

        /** Whether the group stands for a household of its own (later runs of a scattered household do not). */
        public boolean valid() {
            return household != null;
        }
    }

    public Outcome validate(HouseholdRowGroup group) {
        if (group.part() == HouseholdRowGroup.Part.LATER_OF_SCATTERED) {
            return new Outcome(null, group.rows().stream()
                    .map(row -> new RowError(row.number(), ImportColumn.HOUSEHOLD_REF.header(), "household-rows-not-together",
                            "The rows of household " + group.ref() + " are not together: keep all rows of a household one after the other.",
                            Map.of("ref", group.ref())))
                    .toList());
        }
        RowErrors errors = new RowErrors();
        List<ImportRow> rows = group.rows();
        List<ImportRow> incomplete = rows.stream().filter(row -> !row.complete()).toList();
        if (!incomplete.isEmpty()) {
            for (ImportRow row : incomplete) {
                errors.add(new RowError(row.number(), null, "column-count",
                        "This row has " + row.size() + " fields; the header has " + ImportColumn.COUNT + ".",
                        Map.of("count", row.size(), "expected", ImportColumn.COUNT)));
            }
            return new Outcome(null, errors.sorted());
        }
        ImportRow first = rows.get(0);
        ImportCells head = new ImportCells(first, errors);
        if (group.ref().isEmpty()) {
            errors.add(new RowError(first.number(), ImportColumn.HOUSEHOLD_REF.header(), "required", "The householdRef is required."));
        }
        List<PovertyCause> causes = head.causes();
        String villageCode = head.text(ImportColumn.VILLAGE_CODE);
        NewHousehold household = new NewHousehold(
                villageCode,
                head.text(ImportColumn.ADDRESS),
                head.optionalText(ImportColumn.PHONE),
                head.enumValue(ImportColumn.CATEGORY, HouseholdCategory.class),
                causes,
                head.enumValue(ImportColumn.PRIMARY_CAUSE, PovertyCause.class),
                head.requiredInt(ImportColumn.IDENTIFIED_YEAR),
                head.decimal(ImportColumn.ANNUAL_INCOME_PER_CAPITA),
                head.optionalEnum(ImportColumn.INITIAL_STATUS, InitialStatus.class, InitialStatus.POOR),
                head.date(ImportColumn.REGISTERED_ON),
                rows.stream().map(row -> member(row, errors)).toList());
        for (ImportRow row : rows.subList(1, rows.size())) {
            requireSameHousehold(first, row, errors);
        }
        List<Violation> ruleErrors = new ArrayList<>(RegistrationRules.checkShape(household));
        ruleErrors.addAll(RegistrationRules.checkMemberCount(household.members()));
        for (int i = 0; i < household.members().size(); i++) {
            ruleErrors.addAll(RegistrationRules.checkMemberShape(household.members().get(i), "members[" + i + "]"));
        }
        ruleErrors.addAll(RegistrationRules.check(household, today));
        for (Violation error : ruleErrors) {
            // Within a household as across the file, a repeated ID number is duplicate-in-file (below).
            if (!error.code().equals("duplicate-in-request")) {
                errors.add(atRow(error, rows));
            }
        }
        if (!errors.has(first.number(), ImportColumn.VILLAGE_CODE.header()) && !registrableVillage.test(villageCode)) {
            errors.add(new RowError(first.number(), ImportColumn.VILLAGE_CODE.header(), "unknown-village",
                    "No such village in your region."));
        }
        for (ImportRow row : rows) {
            IdNumber.Parsed idNumber = IdNumber.parse(row.get(ImportColumn.ID_NUMBER), today);
            if (idNumber.valid() && !idNumbersInFile.add(idNumber.idNumber().value())) {
                errors.add(new RowError(row.number(), ImportColumn.ID_NUMBER.header(), "duplicate-in-file",
                        "This ID number is given on an earlier row of the file; a person belongs to one household."));
            }
        }
        if (!errors.isEmpty() || group.part() == HouseholdRowGroup.Part.FIRST_OF_SCATTERED) {
            return new Outcome(null, errors.sorted());
        }
        return new Outcome(new ImportedHousehold(household, first.number(), rows.stream().map(ImportRow::number).toList()), List.of());
    }

    private NewMember member(ImportRow row, RowErrors errors) {
        ImportCells cells = new ImportCells(row, errors);
        return new NewMember(
                cells.text(ImportColumn.NAME),
                cells.optionalText(ImportColumn.ID_NUMBER),
                cells.enumValue(ImportColumn.RELATION, Relation.class),
                cells.enumValue(ImportColumn.HEALTH, Health.class),
                cells.optionalInt(ImportColumn.DISABILITY_GRADE),
                cells.bool(ImportColumn.SEVERE_MENTAL_ILLNESS),
                cells.enumValue(ImportColumn.EDUCATION, Education.class),
                cells.enumValue(ImportColumn.LABOR_CAPACITY, LaborCapacity.class),
                cells.bool(ImportColumn.MEDICAL_INSURANCE),
                cells.bool(ImportColumn.MIGRANT_WORKER));
    }

    private static void requireSameHousehold(ImportRow first, ImportRow row, RowErrors errors) {
        for (ImportColumn column : ImportColumn.values()) {
            if (column.householdLevel() && column != ImportColumn.HOUSEHOLD_REF && !row.get(column).equals(first.get(column))) {
                errors.add(new RowError(row.number(), column.header(), "inconsistent-household",
                        "This household column differs from the household's first row (row " + first.number() + ").",
                        Map.of("row", first.number())));
            }
        }
    }

    /** Puts an error of the registration rules on the row and column it concerns. */
    private static RowError atRow(Violation error, List<ImportRow> rows) {
        long firstRow = rows.get(0).number();
        Matcher member = MEMBER_PATH.matcher(error.field());
        if (member.matches()) {
            return new RowError(rows.get(Integer.parseInt(member.group(1))).number(), member.group(2), error.code(),
                    error.message(), error.params());
        }
        if (error.field().equals("members")) {
            // The number of heads or members is a fact of the household: shown on its first row.
            String column = error.code().equals("head-count") ? ImportColumn.RELATION.header() : ImportColumn.HOUSEHOLD_REF.header();
            return new RowError(firstRow, column, error.code(), error.message(), error.params());
        }
        return new RowError(firstRow, error.field(), error.code(), error.message(), error.params());
    }
}
