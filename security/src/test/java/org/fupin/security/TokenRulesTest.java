package org.fupin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final long IAT = NOW.getEpochSecond() - 60;
    private static final long EXP = IAT + 1800;
    private static final TokenRules RULES = new TokenRules(Duration.ofSeconds(5), Duration.ofHours(12));

    private static TokenRules.Claims claims(String role, Object region) {
        return new TokenRules.Claims("someone", Set.of(role), region, IAT, EXP);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("no subject", new TokenRules.Claims(null, Set.of("analyst"), "500235", IAT, EXP)),
                Arguments.of("empty subject", new TokenRules.Claims("", Set.of("analyst"), "500235", IAT, EXP)),
                Arguments.of("blank subject", new TokenRules.Claims("  ", Set.of("analyst"), "500235", IAT, EXP)),
                Arguments.of("subject of 256 characters", new TokenRules.Claims("s".repeat(256), Set.of("analyst"), "500235", IAT, EXP)),
                Arguments.of("no iat", new TokenRules.Claims("someone", Set.of("analyst"), "500235", 0, EXP)),
                Arguments.of("iat 10 s ahead", new TokenRules.Claims("someone", Set.of("analyst"), "500235",
                        NOW.getEpochSecond() + 10, NOW.getEpochSecond() + 600)),
                Arguments.of("lives 12 h and a second", new TokenRules.Claims("someone", Set.of("analyst"), "500235",
                        IAT, IAT + Duration.ofHours(12).toSeconds() + 1)),
                Arguments.of("county admin without region", claims("county-admin", null)),
                Arguments.of("county admin, empty region", claims("county-admin", "")),
                Arguments.of("county admin, region 5002 (a prefecture)", claims("county-admin", "5002")),
                Arguments.of("county admin, region of a township", claims("county-admin", "500235101")),
                Arguments.of("county admin, region as a number", claims("county-admin", 500235L)),
                Arguments.of("county admin, region as an array", claims("county-admin", List.of("500235"))),
                Arguments.of("county admin, region with letters", claims("county-admin", "50023A")),
                Arguments.of("county admin, region with a wildcard", claims("county-admin", "500235%")),
                Arguments.of("analyst, region of 7 digits", claims("analyst", "5002351")),
                Arguments.of("analyst, region of 13 digits", claims("analyst", "5002351012011")),
                Arguments.of("analyst without region", claims("analyst", null)),
                Arguments.of("township officer with the county", claims("township-officer", "500235")),
                Arguments.of("township officer with a village", claims("township-officer", "500235101201")),
                Arguments.of("village cadre with a township", claims("village-cadre", "500235101")),
                Arguments.of("village cadre with the county", claims("village-cadre", "500235")),
                Arguments.of("operator and county admin without region",
                        new TokenRules.Claims("someone", Set.of("operator", "county-admin"), null, IAT, EXP)),
                Arguments.of("operator with a malformed region", claims("operator", "5002")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String name, TokenRules.Claims claims) {
        assertThat(RULES.refusal(claims, NOW)).isPresent();
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("county admin of a county", claims("county-admin", "500235")),
                Arguments.of("township officer of a township", claims("township-officer", "500235101")),
                Arguments.of("village cadre of a village", claims("village-cadre", "500235101201")),
                Arguments.of("analyst of the county", claims("analyst", "500235")),
                Arguments.of("auditor of a township", claims("auditor", "500235101")),
                Arguments.of("integrator of a village", claims("integrator", "500235101201")),
                Arguments.of("assistance officer of the county", claims("assistance-officer", "500235")),
                Arguments.of("operator without region", claims("operator", null)),
                Arguments.of("a role the suite does not know, no region", claims("fingerprint", null)),
                Arguments.of("iat 4 s ahead (within the skew)", new TokenRules.Claims("someone", Set.of("analyst"), "500235",
                        NOW.getEpochSecond() + 4, NOW.getEpochSecond() + 600)),
                Arguments.of("lives exactly 12 h", new TokenRules.Claims("someone", Set.of("analyst"), "500235",
                        IAT, IAT + Duration.ofHours(12).toSeconds())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void accepts(String name, TokenRules.Claims claims) {
        assertThat(RULES.refusal(claims, NOW)).isEmpty();
    }
}
