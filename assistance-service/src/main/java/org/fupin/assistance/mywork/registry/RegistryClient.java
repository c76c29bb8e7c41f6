package org.fupin.assistance.mywork.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.assistance.config.AssistanceConfig;
import org.fupin.platform.web.RequestIds;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/**
 * Reads from household-service what "my work" shows beside the pairings: a household's visit card and the monitoring
 * alerts assigned to a helper. Every call carries the caller's own token (household-service checks it again and
 * applies the caller's region and masks: the helper sees of a household exactly what their role may see in the
 * register) and the request id. A failed or slow call is reported as {@link Unavailable}, never as an error of the
 * caller's request: the pairings and due visits are this service's own and are answered regardless.
 */
@ApplicationScoped
public class RegistryClient {

    private static final Logger LOG = Logger.getLogger(RegistryClient.class);

    /** household-service did not answer usably: down, slow, or an answer that is neither 2xx nor 404. */
    public static class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What a visit needs of a household; any field may be masked ("***") or absent as the caller's role decides. */
    public record VisitCard(String householdNo, String villageCode, String address, String phone, String headName,
            int members, List<String> masked) {
    }

    /** A monitoring alert (防返貧監測預警) waiting for the helper: its verification visit, or the township's decision. */
    public record MonitoringAlert(UUID id, UUID householdId, String status, LocalDate openedOn, LocalDate dueOn, boolean overdue) {
    }

    private final AssistanceConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    public RegistryClient(AssistanceConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        // HTTP/1.1: the services speak it on their plain-HTTP port, and an h2c upgrade would only cost a round trip.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.registry().timeout())
                .build();
    }

    /** The household's card, or empty when the caller may not see it (household-service answers 404). */
    public Optional<VisitCard> card(UUID householdId, String bearerToken) throws Unavailable {
        Optional<JsonNode> household = get("/api/v1/households/" + householdId, bearerToken);
        return household.map(h -> {
            String head = null;
            for (JsonNode member : h.path("members")) {
                if ("HEAD".equals(member.path("relation").asText())) {
                    head = member.path("name").asText(null);
                }
            }
            List<String> masked = new ArrayList<>();
            h.path("masked").forEach(field -> masked.add(field.asText()));
            return new VisitCard(h.path("householdNo").asText(null), h.path("villageCode").asText(null),
                    h.path("address").asText(null), h.path("phone").asText(null), head, h.path("members").size(), masked);
        });
    }

    /** The open alerts (OPEN and RISK_CONFIRMED) assigned to the helper, soonest due first. */
    public List<MonitoringAlert> openAlerts(UUID helperId, String bearerToken) throws Unavailable {
        List<MonitoringAlert> alerts = new ArrayList<>();
        for (String status : List.of("OPEN", "RISK_CONFIRMED")) {
            String path = "/api/v1/monitoring-alerts?limit=100&assigneeId=" + helperId + "&status="
                    + URLEncoder.encode(status, StandardCharsets.UTF_8);
            for (JsonNode alert : get(path, bearerToken).map(page -> page.path("items")).orElse(json.createArrayNode())) {
                alerts.add(new MonitoringAlert(UUID.fromString(alert.path("id").asText()),
                        UUID.fromString(alert.path("householdId").asText()), alert.path("status").asText(),
                        date(alert.path("openedOn")), date(alert.path("dueOn")), alert.path("overdue").asBoolean()));
            }
        }
        alerts.sort(Comparator.comparing(MonitoringAlert::dueOn, Comparator.nullsLast(Comparator.naturalOrder())));
        return alerts;
    }

    private static LocalDate date(JsonNode value) {
        return value.isTextual() ? LocalDate.parse(value.asText()) : null;
    }

    private Optional<JsonNode> get(String path, String bearerToken) throws Unavailable {
        URI uri = URI.create(config.registry().url().toString().replaceAll("/$", "") + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.registry().timeout())
                .header("Authorization", "Bearer " + bearerToken).header("Accept", "application/json");
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null) {
            request.header(RequestIds.HEADER, requestId.toString());
        }
        // The JDK client is not traced by Quarkus: household-service's work joins this request's trace by hand.
        W3CTraceContextPropagator.getInstance().inject(Context.current(), request, HttpRequest.Builder::header);
        try {
            HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() / 100 != 2) {
                throw new Unavailable("household-service answered " + response.statusCode() + " to GET " + uri.getPath(), null);
            }
            return Optional.of(json.readTree(response.body()));
        } catch (IOException e) {
            LOG.warnf("household-service unreachable for GET %s: %s", uri.getPath(), e.toString());
            throw new Unavailable("household-service unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
    }
}
