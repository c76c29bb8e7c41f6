package org.fupin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicUrlsTest {

    private final PublicUrls urls = new PublicUrls(() -> java.util.Optional.of("https://fupin.example.gov.cn/"));

    @Test
    void keepsPathAndQueryAndReplacesWhateverHostTheRequestNamed() {
        assertThat(urls.publicUrl("http://evil.example:666/api/v1/households/1")).isEqualTo("https://fupin.example.gov.cn/api/v1/households/1");
        assertThat(urls.publicUrl("/api/v1/household-imports/2?x=%20y")).isEqualTo("https://fupin.example.gov.cn/api/v1/household-imports/2?x=%20y");
    }

    @Test
    void withoutABaseUrlALocationIsRelative() {
        assertThat(new PublicUrls(java.util.Optional::empty).publicUrl("http://evil.example/api/v1/units/3"))
                .isEqualTo("/api/v1/units/3");
    }
}
