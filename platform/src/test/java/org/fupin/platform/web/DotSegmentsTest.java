package org.fupin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DotSegmentsTest {

    @Test
    void findsDotSegmentsWrittenOutOrPercentEncoded() {
        assertThat(DotSegments.hasDotSegment("/api/v1/households/1/members/..")).isTrue();
        assertThat(DotSegments.hasDotSegment("/api/v1/households/1/members/%2e%2e")).isTrue();
        assertThat(DotSegments.hasDotSegment("/api/v1/pairings/%2E%2e/pairings")).isTrue();
        assertThat(DotSegments.hasDotSegment("/api/v1/./households")).isTrue();
        assertThat(DotSegments.hasDotSegment("/api/v1/households/%2e?limit=5")).isTrue();
    }

    @Test
    void leavesEveryOtherPathAlone() {
        assertThat(DotSegments.hasDotSegment("/api/v1/households/0192f0c4-7d0e-7c3a-9a44-1f0e2a3b4c5d")).isFalse();
        assertThat(DotSegments.hasDotSegment("/api/v1/households?q=..")).as("dots in the query are data").isFalse();
        assertThat(DotSegments.hasDotSegment("/api/v1/households/..%2F..%2Fetc%2Fpasswd")).as("one odd segment, not a dot segment")
                .isFalse();
        assertThat(DotSegments.hasDotSegment("/api/v1/households/...")).isFalse();
        assertThat(DotSegments.hasDotSegment("/api/v1/households/a.b")).isFalse();
        assertThat(DotSegments.hasDotSegment("/")).isFalse();
    }
}
