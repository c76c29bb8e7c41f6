package org.fupin.gateway.asyncapi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.fupin.events.asyncapi.AsyncApiDocument;
import org.fupin.gateway.routing.GatewayConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Serves the AsyncAPI 3 document of the Kafka topics beside /openapi. It is built from the event
 * schemas of the events module the services validate against, once: the gateway ships with the
 * same contract version as the services it fronts.
 */
@Path("/asyncapi")
public class AsyncApiResource {

    private final ObjectNode document;

    public AsyncApiResource(GatewayConfig config, ObjectMapper json) {
        this.document = AsyncApiDocument.build(json, config.asyncapiKafkaServer());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode document() {
        return document;
    }
}
