package org.fupin.gateway.openapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.fupin.gateway.routing.GatewayConfig;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Serves the merged OpenAPI document of the public API, built from the services' own documents. */
@Path("/openapi")
public class OpenApiResource {

    private static final Logger LOG = Logger.getLogger(OpenApiResource.class);

    private final GatewayConfig config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public OpenApiResource(GatewayConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode document() {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        List<String> unavailable = new ArrayList<>();
        fetch("household", config.household(), documents, unavailable);
        fetch("assistance", config.assistance(), documents, unavailable);
        fetch("reporting", config.reporting(), documents, unavailable);
        fetch("webhook", config.webhook(), documents, unavailable);
        return new OpenApiMerger(json).merge(documents, unavailable);
    }

    private void fetch(String name, GatewayConfig.Backend backend, Map<String, JsonNode> documents, List<String> unavailable) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(backend.managementUrl() + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                documents.put(name, json.readTree(response.body()));
                return;
            }
            LOG.warnf("OpenAPI document of %s answered %d", name, response.statusCode());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("OpenAPI document of %s unavailable: %s", name, e.toString());
        }
        unavailable.add(name);
    }
}
