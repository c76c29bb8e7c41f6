package org.fupin.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Arrays;

import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The front door: tokens, routing, streaming, failures of a backend, documentation pages. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(StubBackend.class)
class GatewayTest {

    @Test
    void refusesARequestWithoutATokenWithAProblem() {
        given().get("/api/v1/households/123")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .header("X-Request-Id", notNullValue())
                .body("code", equalTo("unauthenticated"));
    }

    @Test
    void refusesATokenSignedByAnotherKey() {
        String forged = TestTokens.token("county-admin");
        String[] parts = forged.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(tampered).get("/api/v1/households/123")
                .then().statusCode(401)
                .body("code", equalTo("unauthenticated"));
    }

    @Test
    void forwardsToTheOwningServiceWithTheHeadersItNeeds() {
        String token = TestTokens.token("county-admin");
        given().auth().oauth2(token)
                .header("X-Request-Id", "gw-test-1")
                .header("Accept-Language", "zh-Hant")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .get("/api/v1/regions/500235?x=1")
                .then().statusCode(200)
                .header("X-Request-Id", "gw-test-1")
                .header("X-Content-Type-Options", "nosniff")
                .body("method", equalTo("GET"))
                .body("uri", equalTo("/api/v1/regions/500235?x=1"))
                .body("authorization", equalTo("Bearer " + token))
                .body("requestId", equalTo("gw-test-1"))
                .body("acceptLanguage", equalTo("zh-Hant"))
                // The service continues the gateway's span in the caller's trace; the gateway, not the caller,
                // decides whether it is sampled (none are by default).
                .body("traceparent", matchesPattern("00-4bf92f3577b34da6a3ce929d0e0e4736-(?!00f067aa0ba902b7)[0-9a-f]{16}-00"));
    }

    @Test
    void passesOnNoClaimAClientMakesAboutProxiesBeforeIt() {
        given().auth().oauth2(TestTokens.token("county-admin"))
                .header("X-Forwarded-For", "6.6.6.6").header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=6.6.6.6;host=evil.example")
                .get("/api/v1/households/123")
                .then().statusCode(200)
                .body("forwardedFor", equalTo("127.0.0.1"))
                .body("forwardedHost", org.hamcrest.Matchers.nullValue())
                .body("forwarded", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void servesItsHealthOnTheManagementInterfaceOnly() {
        given().get("/q/health/ready").then().statusCode(404);
        given().baseUri("http://127.0.0.1:" + org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.management.test-port", Integer.class)).get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void streamsALargeBodyThrough() {
        byte[] body = new byte[8 * 1024 * 1024];
        Arrays.fill(body, (byte) 'x');
        given().auth().oauth2(TestTokens.token("county-admin"))
                .contentType(ContentType.BINARY).body(body)
                .post("/api/v1/household-imports")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("bodyBytes", equalTo(body.length));
    }

    @Test
    void refusesABodyOverTheLimitButPassesALargerImport() {
        byte[] body = new byte[11 * 1024 * 1024];
        given().auth().oauth2(TestTokens.token("county-admin"))
                .contentType(ContentType.BINARY).body(body)
                .post("/api/v1/households")
                .then().statusCode(413)
                .body("code", equalTo("payload-too-large"));
        // A county's register as CSV may be up to 200 MiB: the import path has a limit of its own.
        given().auth().oauth2(TestTokens.token("county-admin"))
                .contentType(ContentType.BINARY).body(body)
                .post("/api/v1/household-imports")
                .then().statusCode(200).body("bodyBytes", equalTo(body.length));
    }

    @Test
    void answers503WhenTheBackendIsDownAnd504WhenItIsTooSlow() {
        String token = TestTokens.token("county-admin");
        given().auth().oauth2(token).get("/api/v1/helpers")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("code", equalTo("service-unavailable"))
                .time(lessThan(5000L));
        given().auth().oauth2(token).get("/api/v1/reports/slow")
                .then().statusCode(504)
                .body("code", equalTo("gateway-timeout"));
        // The other backends keep serving.
        given().auth().oauth2(token).get("/api/v1/regions/500235").then().statusCode(200);
    }

    @Test
    void answers404ForAPathNoServiceOwns() {
        given().auth().oauth2(TestTokens.token("county-admin")).get("/api/v1/nothing-here")
                .then().statusCode(404)
                .body("code", equalTo("not-found"));
    }

    @Test
    void servesTheMergedOpenApiDocumentAndSwaggerUi() {
        given().get("/openapi")
                .then().statusCode(200)
                .body("openapi", equalTo("3.1.0"))
                .body("paths.'/api/v1/regions/{code}'", notNullValue())
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("'x-fupin-unavailable'", hasItem("assistance"));
        String page = given().get("/docs/").then().statusCode(200).extract().asString();
        String bundle = page.replaceAll("(?s).*src=\"(/webjars/[^\"]+swagger-ui-bundle.js)\".*", "$1");
        given().get(bundle).then().statusCode(200);
        given().redirects().follow(false).get("/dashboard").then().statusCode(302).header("Location", containsString("/dashboard/"));
        given().get("/dashboard/").then().statusCode(200).body(containsString("dashboard.js"));
    }

    @Test
    void servesTheAsyncApiDocumentOfTheTopicsLinkedFromTheDocs() {
        given().get("/asyncapi")
                .then().statusCode(200)
                .body("asyncapi", equalTo("3.0.0"))
                .body("channels.householdEvents.address", equalTo("household.events"))
                .body("channels.assistanceEvents.address", equalTo("assistance.events"))
                .body("components.messages.householdRegistered.payload.properties.type.const", equalTo("household.registered"))
                .body("servers.kafka.host", equalTo("localhost:9092"));
        given().get("/docs/").then().statusCode(200).body(containsString("href=\"/asyncapi\""));
    }
}
