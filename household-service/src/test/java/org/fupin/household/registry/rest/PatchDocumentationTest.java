package org.fupin.household.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.fupin.household.registry.service.HouseholdChanges;
import org.fupin.household.registry.service.HouseholdMembers;
import org.junit.jupiter.api.Test;

/** The OpenAPI document's patch bodies name exactly the fields a patch may change (and instructions): no more (a 400), no fewer. */
class PatchDocumentationTest {

    @Test
    void theDocumentedPatchFieldsAreThePatchableOnes() {
        assertThat(fields(HouseholdPatch.class)).isEqualTo(HouseholdChanges.PATCHABLE);
        // Beside the facts, a member's patch may carry the confirmation of a possible duplicate, which changes no fact.
        Set<String> memberFields = new java.util.HashSet<>(HouseholdMembers.PATCHABLE);
        memberFields.add(MemberResource.DUPLICATE_CONFIRMATION);
        assertThat(fields(MemberPatch.class)).isEqualTo(memberFields);
    }

    private static Set<String> fields(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }
}
