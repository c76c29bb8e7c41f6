package org.fupin.household.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.fupin.household.registry.service.HouseholdChanges;
import org.fupin.household.registry.service.HouseholdMembers;
import org.junit.jupiter.api.Test;

/** The OpenAPI document's patch bodies name exactly the fields a patch may change: no more (a 400), no fewer. */
class PatchDocumentationTest {

    @Test
    void theDocumentedPatchFieldsAreThePatchableOnes() {
        assertThat(fields(HouseholdPatch.class)).isEqualTo(HouseholdChanges.PATCHABLE);
        assertThat(fields(MemberPatch.class)).isEqualTo(HouseholdMembers.PATCHABLE);
    }

    private static Set<String> fields(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }
}
