package org.fupin.platform.kafka;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Identifier;

/**
 * The one Kafka client configuration of a service, for every producer and consumer its code builds
 * itself (the outbox relay, the dead letters, the rebuild's replay): the {@code kafka.*} settings the
 * messaging connector uses too, so that a secured cluster's {@code security.*}, {@code sasl.*} and
 * {@code ssl.*} (and anything else the deployment sets) reach each of them.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> common;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> common) {
        this.common = Map.copyOf(common);
    }

    /** Producer settings: the common ones, the client id, then what the producer needs of its own. */
    public Map<String, Object> producer(String clientId, Map<String, Object> overrides) {
        return client(clientId, overrides);
    }

    /** Consumer settings: the common ones, the client id, then what the consumer needs of its own. */
    public Map<String, Object> consumer(String clientId, Map<String, Object> overrides) {
        return client(clientId, overrides);
    }

    private Map<String, Object> client(String clientId, Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>(common);
        settings.put("client.id", clientId);
        settings.putAll(overrides);
        return settings;
    }
}
