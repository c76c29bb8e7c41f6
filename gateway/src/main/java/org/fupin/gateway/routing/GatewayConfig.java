package org.fupin.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The backends behind the gateway and the path prefixes each one owns. */
@ConfigMapping(prefix = "fupin.gateway")
public interface GatewayConfig {

    /** household-service: regions, households, imports. */
    Backend household();

    /** assistance-service: helpers, units, groups, work teams, war zones, pairings, measures, visits, alerts. */
    Backend assistance();

    /** reporting-service: reports. */
    Backend reporting();

    /** webhook-service: webhook subscriptions and their delivery logs. */
    Backend webhook();

    /** Largest request body passed on, in bytes; larger bodies answer 413 here. */
    @WithDefault("10485760")
    long maxBodyBytes();

    /** Path prefixes of bulk uploads, which may send up to {@link #bulkMaxBodyBytes()} instead. */
    @WithDefault("/api/v1/household-imports")
    List<String> bulkPaths();

    /** Largest body of a bulk upload (a county's register as CSV), in bytes. */
    @WithDefault("209715200")
    long bulkMaxBodyBytes();

    /**
     * The Kafka bootstrap address the AsyncAPI document at /asyncapi names as its server ({@code host:port}):
     * the address integrators inside the county's network consume the topics from.
     */
    @WithDefault("localhost:9092")
    String asyncapiKafkaServer();

    /** When the gateway stops calling a failing backend for a while, answering 503 at once instead. */
    CircuitBreaker circuitBreaker();

    /** Settings of the per-backend circuit breakers: SmallRye Fault Tolerance's requestVolumeThreshold, failureRatio and delay. */
    interface CircuitBreaker {

        /** How many recent calls are judged. */
        @WithDefault("20")
        int requestVolume();

        /** The share of failed calls (connection refused, timeout) among them that opens the circuit. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the circuit stays open before a trial call is let through. */
        @WithDefault("10s")
        Duration delay();
    }

    /** One backend service. */
    interface Backend {

        /** Base URL, e.g. http://127.0.0.1:8081. */
        URI url();

        /** Base URL of its management interface (health, OpenAPI), e.g. http://127.0.0.1:9081. */
        URI managementUrl();

        /** How long the backend may stay silent before the gateway answers 504. */
        @WithDefault("30s")
        Duration timeout();

        /** Path prefixes routed to this backend, e.g. /api/v1/households. */
        List<String> prefixes();
    }
}
