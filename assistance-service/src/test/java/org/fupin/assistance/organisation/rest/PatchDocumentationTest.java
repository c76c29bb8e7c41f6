package org.fupin.assistance.organisation.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.fupin.assistance.ledger.rest.MeasurePatch;
import org.fupin.assistance.ledger.service.Measures;
import org.fupin.assistance.organisation.service.Helpers;
import org.junit.jupiter.api.Test;

/** The OpenAPI document's patch bodies name exactly the fields a patch may change: no more (a 400), no fewer. */
class PatchDocumentationTest {

    @Test
    void theDocumentedPatchFieldsAreThePatchableOnes() {
        assertThat(fields(HelperPatch.class)).isEqualTo(Helpers.PATCHABLE);
        assertThat(fields(MeasurePatch.class)).isEqualTo(Measures.PATCHABLE);
    }

    private static Set<String> fields(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }
}
