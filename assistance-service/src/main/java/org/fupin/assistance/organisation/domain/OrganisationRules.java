package org.fupin.assistance.organisation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.fupin.kernel.Formats;
import org.fupin.kernel.Violation;

/**
 * The rules of who helps: names of groups, units, helpers and war zones, a helper's phone and
 * capacity, the make-up of a work team (駐村工作隊) and of a war zone (戰區). Each check returns
 * every violation at once, so that a form is fixed in one go.
 */
public final class OrganisationRules {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MIN_HOUSEHOLDS = 1;
    public static final int MAX_HOUSEHOLDS = 100;
    /** What a helper may take on when the request does not say: the contract's default. */
    public static final int DEFAULT_MAX_HOUSEHOLDS = 5;
    public static final int MAX_TEAM_MEMBERS = 30;
    public static final int MAX_TOWNSHIPS = 50;

    /** Mainland mobile numbers (1[3-9] and nine digits) or landlines with an area code, as in the registry. */
    private static final Pattern PHONE = Pattern.compile(Formats.PHONE);

    private OrganisationRules() {
    }

    /** A name of 1 to 100 characters without control characters. */
    public static List<Violation> checkName(String field, String name) {
        if (name == null || name.isBlank()) {
            return List.of(new Violation(field, "required", "This field is required."));
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME_LENGTH) {
            return List.of(new Violation(field, "length", "A name has 1 to " + MAX_NAME_LENGTH + " characters.",
                    Map.of("min", 1, "max", MAX_NAME_LENGTH)));
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            return List.of(new Violation(field, "format", "A name has no control characters."));
        }
        return List.of();
    }

    /** Every rule of a helper, for registration and for merge patches alike. */
    public static List<Violation> checkHelper(NewHelper helper) {
        List<Violation> errors = new ArrayList<>(checkName("name", helper.name()));
        if (helper.phone() != null && !helper.phone().isEmpty() && !PHONE.matcher(helper.phone()).matches()) {
            errors.add(new Violation("phone", "phone-format",
                    "Give a mainland mobile number (11 digits starting 13-19) or a landline with its area code."));
        }
        if (helper.unitId() == null) {
            errors.add(new Violation("unitId", "required", "This field is required."));
        }
        if (helper.kind() == null) {
            errors.add(new Violation("kind", "required", "This field is required."));
        }
        if (helper.maxHouseholds() == null) {
            errors.add(new Violation("maxHouseholds", "required", "This field is required."));
        } else if (helper.maxHouseholds() < MIN_HOUSEHOLDS || helper.maxHouseholds() > MAX_HOUSEHOLDS) {
            errors.add(new Violation("maxHouseholds", "range",
                    "A helper takes on " + MIN_HOUSEHOLDS + " to " + MAX_HOUSEHOLDS + " households.",
                    Map.of("min", MIN_HOUSEHOLDS, "max", MAX_HOUSEHOLDS)));
        }
        return errors;
    }

    /**
     * A work team is led by its first secretary (第一書記), who is not listed again among the
     * members; each member is listed once; it cannot start in the future.
     */
    public static List<Violation> checkWorkTeam(UUID leaderId, List<UUID> memberIds, LocalDate startDate, LocalDate today) {
        List<Violation> errors = new ArrayList<>();
        if (memberIds.size() > MAX_TEAM_MEMBERS) {
            errors.add(new Violation("memberIds", "length", "A work team has at most " + MAX_TEAM_MEMBERS + " members.",
                    Map.of("min", 0, "max", MAX_TEAM_MEMBERS)));
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < memberIds.size(); i++) {
            UUID member = memberIds.get(i);
            if (member.equals(leaderId) || !seen.add(member)) {
                errors.add(new Violation("memberIds[" + i + "]", "duplicate-member",
                        "Each helper is in the team once; the leader is not listed among the members."));
            }
        }
        if (startDate != null && startDate.isAfter(today)) {
            errors.add(new Violation("startDate", "date-in-future", "This date cannot lie in the future."));
        }
        return errors;
    }

    /** A war zone names 1 to 50 townships, each once. */
    public static List<Violation> checkWarZone(List<String> townshipCodes) {
        List<Violation> errors = new ArrayList<>();
        if (townshipCodes.isEmpty() || townshipCodes.size() > MAX_TOWNSHIPS) {
            errors.add(new Violation("townshipCodes", "length", "A war zone has 1 to " + MAX_TOWNSHIPS + " townships.",
                    Map.of("min", 1, "max", MAX_TOWNSHIPS)));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < townshipCodes.size(); i++) {
            if (!seen.add(townshipCodes.get(i))) {
                errors.add(new Violation("townshipCodes[" + i + "]", "duplicate-township", "Each township is listed once."));
            }
        }
        return errors;
    }
}
