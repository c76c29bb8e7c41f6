package org.fupin.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The round-trip comparison must tell a dropped or renamed field from a number written another way. */
class JsonTreesTest {

    private static final EventCodec CODEC = new EventCodec();

    @Test
    void numbersCompareByValue() throws Exception {
        assertThat(JsonTrees.sameJson(tree("{\"amount\":3000}"), tree("{\"amount\":3000.00}"))).isTrue();
        assertThat(JsonTrees.sameJson(tree("{\"amount\":3000.01}"), tree("{\"amount\":3000}"))).isFalse();
    }

    @Test
    void aDroppedOrRenamedFieldIsADifference() throws Exception {
        JsonNode example = tree("{\"householdId\":\"h\",\"riskType\":null}");

        assertThat(JsonTrees.sameJson(tree("{\"householdId\":\"h\"}"), example)).isFalse();
        assertThat(JsonTrees.sameJson(tree("{\"householdId\":\"h\",\"risk\":null}"), example)).isFalse();
        assertThat(JsonTrees.sameJson(tree("{\"riskType\":null,\"householdId\":\"h\"}"), example)).isTrue();
    }

    private static JsonNode tree(String json) throws Exception {
        return CODEC.mapper().readTree(json);
    }
}
