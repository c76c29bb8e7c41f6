package org.fupin.household.registry.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.fupin.household.region.domain.RegionLevel;
import org.fupin.security.RegionScope;
import org.fupin.kernel.Formats;
import org.fupin.kernel.Violation;

/**
 * The rules a household must satisfy to enter the registry, beyond the presence and shape of its
 * fields: a valid ID number for every member, exactly one head (戶主), a primary cause among the
 * causes, a plausible identification year, a reachable phone number and sensible names.
 */
public final class RegistrationRules {

    /** 建檔立卡 began in 2014; no household was identified before it. */
    public static final int FIRST_IDENTIFICATION_YEAR = 2014;

    /** The most members one registration may name. */
    public static final int MAX_MEMBERS = 30;

    /** Mainland mobile numbers (1[3-9] and nine digits) or landlines with an area code (0xx[x]-xxxxxxx[x]). */
    private static final Pattern PHONE = Pattern.compile(Formats.PHONE);

    /**
     * Names in Han characters or Latin letters, with the middle dot (·) of ethnic-minority and
     * transliterated names and single spaces; no digits, no punctuation, no control characters.
     */
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}\\p{L}][\\p{IsHan}\\p{L}·• .'-]*[\\p{IsHan}\\p{L}]|[\\p{IsHan}\\p{L}]");

    private RegistrationRules() {
    }

    /**
     * The shape of the household-level fields, for changes that do not pass through Bean Validation
     * (merge patches): present where required, lengths, ranges and decimals.
     */
    public static List<Violation> checkShape(NewHousehold household) {
        List<Violation> errors = new ArrayList<>();
        if (household.villageCode() == null || !household.villageCode().matches("\\d{12}")) {
            errors.add(new Violation("villageCode", "format", "A village code has 12 digits."));
        }
        if (household.address() == null || household.address().isBlank() || household.address().length() > 200) {
            errors.add(new Violation("address", "length", "An address has 1 to 200 characters.", Map.of("min", 1, "max", 200)));
        }
        if (household.phone() != null && household.phone().length() > 20) {
            errors.add(new Violation("phone", "length", "A phone number has at most 20 characters.", Map.of("min", 0, "max", 20)));
        }
        if (household.category() == null) {
            errors.add(new Violation("category", "required", "The category is required."));
        }
        if (household.causes().isEmpty() || household.causes().size() > PovertyCause.values().length) {
            errors.add(new Violation("causes", "length", "Give between 1 and 11 causes.", Map.of("min", 1, "max", 11)));
        }
        if (household.primaryCause() == null) {
            errors.add(new Violation("primaryCause", "required", "The primary cause is required."));
        }
        java.math.BigDecimal income = household.annualIncomePerCapita();
        if (income == null || income.signum() < 0 || income.scale() > 2 || income.precision() - income.scale() > 10) {
            errors.add(new Violation("annualIncomePerCapita", "range",
                    "Income is a number of CNY, not negative, with at most two decimals."));
        }
        return errors;
    }

    /**
     * The presence and ranges of a member's fields, for members that do not pass through Bean
     * Validation (merge patches, CSV imports); field paths under {@code path}.
     */
    public static List<Violation> checkMemberShape(NewMember member, String path) {
        List<Violation> errors = new ArrayList<>();
        String prefix = path.isEmpty() ? "" : path + ".";
        if (member.name() == null || member.name().isBlank() || member.name().length() > 50) {
            errors.add(new Violation(prefix + "name", "length", "A name has 1 to 50 characters.", Map.of("min", 1, "max", 50)));
        }
        if (member.idNumber() == null) {
            errors.add(new Violation(prefix + "idNumber", "required", "The ID number is required."));
        }
        requireSet(errors, prefix + "relation", member.relation());
        requireSet(errors, prefix + "health", member.health());
        requireSet(errors, prefix + "education", member.education());
        requireSet(errors, prefix + "laborCapacity", member.laborCapacity());
        if (member.disabilityGrade() != null && (member.disabilityGrade() < 1 || member.disabilityGrade() > 4)) {
            errors.add(new Violation(prefix + "disabilityGrade", "range", "A disability grade is 1 to 4.", Map.of("min", 1, "max", 4)));
        }
        return errors;
    }

    /** A registration names 1 to {@value #MAX_MEMBERS} members, as the API's request does. */
    public static List<Violation> checkMemberCount(List<NewMember> members) {
        if (members.isEmpty() || members.size() > MAX_MEMBERS) {
            return List.of(new Violation("members", "length", "A household has 1 to " + MAX_MEMBERS + " members.",
                    Map.of("min", 1, "max", MAX_MEMBERS)));
        }
        return List.of();
    }

    /** A household is registered in a village of the registry, inside the region of whoever registers it. */
    public static boolean isRegistrableVillage(String code, RegionLevel level, RegionScope scope) {
        return code != null && level == RegionLevel.VILLAGE && scope.covers(code);
    }

    /** All violations at once, so that a clerk fixes a form in one go; empty when the household may be registered. */
    public static List<Violation> check(NewHousehold household, LocalDate today) {
        List<Violation> errors = new ArrayList<>();
        if (household.phone() != null && !household.phone().isEmpty() && !PHONE.matcher(household.phone()).matches()) {
            errors.add(new Violation("phone", "phone-format",
                    "Give a mainland mobile number (11 digits starting 13-19) or a landline with its area code."));
        }
        if (household.primaryCause() != null && !household.causes().contains(household.primaryCause())) {
            errors.add(new Violation("primaryCause", "primary-cause-not-in-causes",
                    "The primary cause (主要致貧原因) must be one of the causes."));
        }
        if (household.identifiedYear() < FIRST_IDENTIFICATION_YEAR || household.identifiedYear() > today.getYear()) {
            errors.add(new Violation("identifiedYear", "identified-year-range",
                    "The identification year lies between " + FIRST_IDENTIFICATION_YEAR + " and this year.",
                    Map.of("min", FIRST_IDENTIFICATION_YEAR, "max", today.getYear())));
        }
        if (household.registeredOn() != null && (household.registeredOn().isAfter(today)
                || household.registeredOn().getYear() < household.identifiedYear())) {
            errors.add(new Violation("registeredOn", "registered-on-range",
                    "The registration date lies between the identification year and today."));
        }
        if (household.causes().size() != household.causes().stream().distinct().count()) {
            errors.add(new Violation("causes", "duplicate-cause", "Each cause is listed once."));
        }
        errors.addAll(checkMembers(household.members(), today));
        return errors;
    }

    static List<Violation> checkMembers(List<NewMember> members, LocalDate today) {
        List<Violation> errors = new ArrayList<>();
        long heads = members.stream().filter(m -> m.relation() == Relation.HEAD).count();
        if (heads != 1) {
            errors.add(new Violation("members", "head-count",
                    "A household has exactly one head (戶主); this one has " + heads + ".",
                    Map.of("count", heads)));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            NewMember member = members.get(i);
            String path = "members[" + i + "]";
            errors.addAll(checkMember(member, path, today));
            if (member.idNumber() != null) {
                Integer earlier = seen.putIfAbsent(member.idNumber().toUpperCase(java.util.Locale.ROOT), i);
                if (earlier != null) {
                    errors.add(new Violation(path + ".idNumber", "duplicate-in-request",
                            "The same ID number is given for members[" + earlier + "]."));
                }
            }
        }
        return errors;
    }

    /** The rules of one member, with field paths under {@code path}. */
    public static List<Violation> checkMember(NewMember member, String path, LocalDate today) {
        List<Violation> errors = new ArrayList<>();
        String prefix = path.isEmpty() ? "" : path + ".";
        if (member.name() != null && !member.name().isBlank() && !NAME.matcher(member.name().strip()).matches()) {
            errors.add(new Violation(prefix + "name", "name-format",
                    "A name is written in Han characters or letters, with · or spaces between parts."));
        }
        if (member.idNumber() != null) {
            IdNumber.Parsed parsed = IdNumber.parse(member.idNumber(), today);
            if (!parsed.valid()) {
                errors.add(new Violation(prefix + "idNumber", parsed.defect().code(), switch (parsed.defect()) {
                    case FORMAT -> "An ID number has 17 digits and a final digit or X.";
                    case CHECK_DIGIT -> "The check character (last) does not match the other 17 digits; look for a typing error.";
                    case BIRTH_DATE -> "The birth date inside the ID number is not a real date, or lies in the future.";
                }));
            }
        }
        return errors;
    }

    private static void requireSet(List<Violation> errors, String field, Object value) {
        if (value == null) {
            errors.add(new Violation(field, "required", "This field is required."));
        }
    }
}
