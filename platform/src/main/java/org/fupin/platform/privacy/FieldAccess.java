package org.fupin.platform.privacy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.fupin.kernel.Masks;
import org.fupin.security.RegionScope;

/**
 * What one caller may see of each personal field, resolved from the {@link PrivacyPolicy} for its roles and
 * purpose. A value, so that a CSV export can use it after the request scope has ended. A field the policy
 * shows in full is shown so only for records in the caller's own region; elsewhere it is masked (or left
 * out when it has no masked form).
 *
 * @param policy the policy rows applied, e.g. {@code integrator/statistics}, for the access log
 */
public record FieldAccess(String policy, Map<PersonalField, Disclosure> disclosures, RegionScope scope) {

    public FieldAccess {
        disclosures = Map.copyOf(disclosures);
    }

    /** How the field of a record of this region reaches the caller. */
    public Disclosure of(PersonalField field, String regionCode) {
        Disclosure disclosure = disclosures.get(field);
        if (disclosure == Disclosure.FULL && (regionCode == null || !scope.covers(regionCode))) {
            return field.maskable() ? Disclosure.MASKED : Disclosure.OMITTED;
        }
        return disclosure;
    }

    /** Whether the caller sees the field in full wherever it may read: only then may it search by the field. */
    public boolean seesInFull(PersonalField field) {
        return disclosures.get(field) == Disclosure.FULL;
    }

    /** A text field as the caller may see it: as stored, masked, or null. */
    public String text(PersonalField field, String regionCode, String value) {
        return switch (of(field, regionCode)) {
            case FULL -> value;
            case OMITTED -> null;
            case MASKED -> switch (field) {
                case NAME -> Masks.name(value);
                case ID_NUMBER -> Masks.idNumber(value);
                case PHONE -> Masks.phone(value);
                case ADDRESS -> Masks.address(value);
                default -> throw new IllegalArgumentException(field + " is not a text field with a masked form");
            };
        };
    }

    /** A field without a masked form (a category, a grade, a flag): as stored or null. */
    public <T> T value(PersonalField field, String regionCode, T value) {
        return of(field, regionCode) == Disclosure.FULL ? value : null;
    }

    /** The birth date, when shown in full. */
    public LocalDate birthDate(String regionCode, LocalDate birthDate) {
        return of(PersonalField.BIRTH_DATE, regionCode) == Disclosure.FULL ? birthDate : null;
    }

    /** The birth year, when the birth date is masked. */
    public Integer birthYear(String regionCode, LocalDate birthDate) {
        return of(PersonalField.BIRTH_DATE, regionCode) == Disclosure.MASKED ? Masks.birthYear(birthDate) : null;
    }

    /** The fields masked for a record of this region, by their names in the policy, for the views to say so. */
    public List<String> masked(String regionCode) {
        return withDisclosure(Disclosure.MASKED, regionCode);
    }

    /** The fields left out for a record of this region: a missing value there means withheld, not unknown. */
    public List<String> omitted(String regionCode) {
        return withDisclosure(Disclosure.OMITTED, regionCode);
    }

    private List<String> withDisclosure(Disclosure disclosure, String regionCode) {
        return Arrays.stream(PersonalField.values())
                .filter(field -> of(field, regionCode) == disclosure)
                .map(PersonalField::column)
                .toList();
    }
}
