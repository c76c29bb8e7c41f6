package org.fupin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Tokens for tests, signed by a key pair made for this JVM only (no private key is committed).
 * As a test resource it points the service's verification at the public half, with the issuer
 * and audience the suite uses.
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "fupin-suite";
    public static final String AUDIENCE = "fupin-api";
    /** The county a token names when a test gives no region (the operator's names none). */
    public static final String COUNTY = "500235";

    private static KeyPair keys;
    private static Path publicKeyFile;

    private static synchronized KeyPair keys() {
        if (keys == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
                publicKeyFile = Files.createTempFile("fupin-test-jwt", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(publicKeyFile, pem);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    /** A valid token for the role, scoped to the region (null: the county {@link #COUNTY}). */
    public static String token(String role, String region) {
        return claims("test-" + role, role, region).sign(keys().getPrivate());
    }

    public static String token(String role) {
        return token(role, null);
    }

    /** The claims of a valid token, for tests that spoil one part of it. */
    public static JwtClaimsBuilder claims(String subject, String role, String region) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("name", "Test " + role)
                .groups(Set.of(role))
                .issuedAt(Instant.now())
                .expiresIn(Duration.ofMinutes(30));
        String scope = region != null ? region : "operator".equals(role) ? null : COUNTY;
        if (scope != null) {
            claims.claim("region", scope);
        }
        if ("integrator".equals(role)) {
            // The default privacy policy binds integrators to a purpose; statistics grants the least.
            claims.claim("purpose", "statistics");
        }
        return claims;
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(keys().getPrivate());
    }

    public static String bearer(String role, String region) {
        return "Bearer " + token(role, region);
    }

    public static String bearer(String role) {
        return bearer(role, null);
    }

    @Override
    public Map<String, String> start() {
        keys();
        return Map.of(
                "mp.jwt.verify.publickey.location", publicKeyFile.toUri().toString(),
                "mp.jwt.verify.issuer", ISSUER,
                "mp.jwt.verify.audiences", AUDIENCE);
    }

    @Override
    public void stop() {
        // The key pair lives as long as the JVM so that every test class can use it.
    }
}
