package org.fupin.household.history.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChangesTest {

    @Test
    void listsChangedAddedAndRemovedFieldsInOrder() {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", "POOR");
        before.put("phone", "13800138000");
        before.put("income", new BigDecimal("2800.5"));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", "EXIT_PENDING");
        after.put("income", new BigDecimal("2800.50"));
        after.put("noticeEndsOn", "2020-07-07");

        assertThat(Changes.between(before, after)).containsExactly(
                new FieldChange("status", "POOR", "EXIT_PENDING"),
                new FieldChange("phone", "13800138000", null),
                new FieldChange("noticeEndsOn", null, "2020-07-07"));
    }
}
