package org.fupin.household.history.rest;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.history.domain.FieldChange;
import org.fupin.platform.privacy.Disclosure;
import org.fupin.platform.privacy.FieldAccess;
import org.fupin.platform.privacy.PersonalField;

/** One changed field as the history shows it, a personal field as the privacy policy lets the caller see it. */
@Schema(name = "FieldChange")
public record ChangeView(
        @Schema(description = "The field's path, e.g. status or members[<id>].health.") String field,
        @Schema(nullable = true) Object from,
        @Schema(nullable = true) Object to,
        @Schema(description = "True when the values are left out by the privacy policy (absent otherwise).")
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean withheld) {

    /** The personal fields of the history, by the last part of their path. */
    private static final Map<String, PersonalField> PERSONAL = Map.of(
            "name", PersonalField.NAME,
            "idNumber", PersonalField.ID_NUMBER,
            "phone", PersonalField.PHONE,
            "address", PersonalField.ADDRESS,
            "birthDate", PersonalField.BIRTH_DATE,
            "health", PersonalField.HEALTH,
            "disabilityGrade", PersonalField.DISABILITY,
            "severeMentalIllness", PersonalField.MENTAL_ILLNESS);

    static ChangeView of(FieldChange change, FieldAccess access, String region) {
        String path = change.field();
        PersonalField personal = PERSONAL.get(path.substring(path.lastIndexOf('.') + 1));
        if (personal == null) {
            return new ChangeView(path, change.from(), change.to(), false);
        }
        Disclosure disclosure = access.of(personal, region);
        return switch (disclosure) {
            case FULL -> new ChangeView(path, change.from(), change.to(), false);
            case OMITTED -> new ChangeView(path, null, null, true);
            case MASKED -> new ChangeView(path, masked(personal, access, region, change.from()),
                    masked(personal, access, region, change.to()), false);
        };
    }

    private static Object masked(PersonalField field, FieldAccess access, String region, Object value) {
        if (!(value instanceof String text)) {
            return value;
        }
        if (field == PersonalField.BIRTH_DATE) {
            return text.length() >= 4 ? text.substring(0, 4) : text;
        }
        return access.text(field, region, text);
    }
}
