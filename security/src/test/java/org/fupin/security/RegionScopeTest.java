package org.fupin.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionScopeTest {

    @Test
    void coversTheRegionAndEverythingBelowIt() {
        RegionScope township = RegionScope.of("500235101");
        assertThat(township.covers("500235101")).isTrue();
        assertThat(township.covers("500235101201")).isTrue();
        assertThat(township.covers("500235102201")).isFalse();
        assertThat(township.covers("500235")).isFalse();
        assertThat(RegionScope.all().covers("510000")).isTrue();
        assertThat(RegionScope.none().covers("500235")).isFalse();
        assertThat(RegionScope.none().narrow(null)).isNull();
    }

    @Test
    void reachesUpItsOwnLineButNeverSideways() {
        RegionScope village = RegionScope.of("500235101201");
        assertThat(village.withinOrAbove("500235")).isTrue();
        assertThat(village.withinOrAbove("500235101")).isTrue();
        assertThat(village.withinOrAbove("500235101201")).isTrue();
        assertThat(village.withinOrAbove("500235102")).isFalse();
        assertThat(village.withinOrAbove("500236")).isFalse();
        assertThat(village.withinOrAbove("")).isFalse();
        assertThat(RegionScope.none().withinOrAbove("500235")).isFalse();
    }

    @Test
    void narrowsARequestedRegionToWhatMayBeSeen() {
        RegionScope township = RegionScope.of("500235101");
        assertThat(township.narrow(null)).isEqualTo("500235101");
        assertThat(township.narrow("500235")).isEqualTo("500235101");
        assertThat(township.narrow("500235101201")).isEqualTo("500235101201");
        assertThat(township.narrow("500235102")).isNull();
    }
}
