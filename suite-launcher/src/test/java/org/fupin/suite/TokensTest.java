package org.fupin.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {

    @TempDir
    Path home;

    private Keys keys;
    private Tokens tokens;

    @BeforeEach
    void makeKeys() {
        keys = new Keys(home.resolve("keys"));
        keys.ensure();
        tokens = new Tokens(keys);
    }

    private static Map<String, Object> part(String token, int index) throws JoseException {
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
        return JsonUtil.parseJson(json);
    }

    @Test
    void theTokenIsRs256SignedWithTheSuiteKey() throws GeneralSecurityException, JoseException {
        String token = tokens.mint("county-admin", null);
        String[] parts = token.split("\\.");

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.publicKey());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));

        assertThat(part(token, 0)).containsEntry("alg", "RS256");
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void theClaimsAreWhatTheServicesVerify() throws JoseException {
        Map<String, Object> claims = part(tokens.mint("township-officer", "500235101"), 1);

        assertThat(claims)
                .containsEntry("iss", "fupin-suite")
                .containsEntry("aud", "fupin-api")
                .containsEntry("sub", "suite-township-officer")
                .containsEntry("groups", List.of("township-officer"))
                .containsEntry("region", "500235101")
                .containsKey("name");
        long expiry = ((Number) claims.get("exp")).longValue();
        assertThat(Instant.ofEpochSecond(expiry)).isBetween(
                Instant.now().plus(Duration.ofHours(12)).minusSeconds(60),
                Instant.now().plus(Duration.ofHours(12)).plusSeconds(60));
    }

    @Test
    void withoutARegionACountyRoleNamesTheDefaultCountyAndTheOperatorNone() throws JoseException {
        assertThat(part(tokens.mint("analyst", null), 1)).containsEntry("region", Tokens.DEFAULT_COUNTY);
        assertThat(part(tokens.mint("county-admin", null), 1)).containsEntry("region", Tokens.DEFAULT_COUNTY);
        assertThat(part(tokens.mint("operator", null), 1)).doesNotContainKey("region");
    }

    @Test
    void anIntegratorsTokenNamesAPurposeStatisticsUnlessToldAnotherAndOtherRolesNoneUnlessTold() throws JoseException {
        assertThat(part(tokens.mint("integrator", null), 1)).containsEntry("purpose", "statistics");
        assertThat(part(tokens.mint("integrator", null, "social-assistance"), 1)).containsEntry("purpose", "social-assistance");
        assertThat(part(tokens.mint("auditor", null), 1)).doesNotContainKey("purpose");
        assertThat(part(tokens.mint("auditor", null, "audit-2026"), 1)).containsEntry("purpose", "audit-2026");
    }

    @Test
    void aRegionTheServicesWouldRefuseIsRefusedWhenMinting() {
        assertThatThrownBy(() -> tokens.mint("township-officer", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("./suite token township-officer 500235101");
        assertThatThrownBy(() -> tokens.mint("county-admin", "500235101"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("may not hold a region of level TOWNSHIP");
        assertThatThrownBy(() -> tokens.mint("analyst", "5002"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a region code");
    }

    @Test
    void anUnknownRoleIsRefusedWithTheValidOnes() {
        assertThatThrownBy(() -> tokens.mint("superuser", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("superuser")
                .hasMessageContaining("county-admin, township-officer, village-cadre, assistance-officer, analyst, integrator, auditor");
    }
}
