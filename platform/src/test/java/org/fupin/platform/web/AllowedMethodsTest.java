package org.fupin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class AllowedMethodsTest {

    private static AllowedMethods of(String paths) throws Exception {
        return new AllowedMethods(new ObjectMapper().readTree("{\"paths\":" + paths + "}"));
    }

    @Test
    void listsTheMethodsOfThePathWithHeadForGetAndOptionsForAll() throws Exception {
        AllowedMethods allowed = of("""
                {"/api/v1/households/{id}/members": {"post": {}},
                 "/api/v1/households/{id}/members/{memberId}": {"patch": {}, "delete": {}, "parameters": []},
                 "/api/v1/measures/{id}": {"get": {}, "patch": {}},
                 "/api/v1/measures/totals": {"get": {}}}""");

        assertThat(allowed.allow("/api/v1/households/a1/members")).contains("OPTIONS, POST");
        assertThat(allowed.allow("/api/v1/households/a1/members/b2")).contains("DELETE, OPTIONS, PATCH");
        assertThat(allowed.allow("/api/v1/measures/totals")).contains("GET, HEAD, OPTIONS");
        assertThat(allowed.allow("/api/v1/measures/m3")).contains("GET, HEAD, OPTIONS, PATCH");
    }

    @Test
    void knowsNothingOfAPathTheDocumentDoesNotHave() throws Exception {
        AllowedMethods allowed = of("{\"/api/v1/regions/{code}\": {\"get\": {}}}");

        assertThat(allowed.allow("/api/v1/regions")).isEmpty();
        assertThat(allowed.allow("/api/v1/regions/500235/extra")).isEmpty();
        assertThat(allowed.allow("/api/v1/regions/500235/")).contains("GET, HEAD, OPTIONS");
    }
}
