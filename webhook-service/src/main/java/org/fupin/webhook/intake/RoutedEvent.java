package org.fupin.webhook.intake;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the webhooks need of one CloudEvent read from Kafka: its id, type and time, the key that keeps one
 * household's events in order, and the region it is about, or the household whose region decides.
 *
 * @param body the record exactly as read: what every delivery sends and signs
 * @param orderKey the household the event is about, else the record key (the aggregate)
 * @param regions the regions the event names itself; unknown when only {@code household} can tell
 * @param household the household id when the event is about one, else null
 * @param village the village the event places the household in, else null (learned for the events that name none)
 */
public record RoutedEvent(String id, String type, Instant occurredAt, String body, String orderKey, EventRegions regions,
        String household, String village) {

    /** Reads a record; empty when it is no CloudEvent with an id, a type and a time (the producers' DLQ catches those). */
    public static Optional<RoutedEvent> read(String key, String value, ObjectMapper json) {
        JsonNode event;
        try {
            event = value == null ? null : json.readTree(value);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (event == null || !event.path("id").isTextual() || !event.path("type").isTextual() || !event.path("time").isTextual()) {
            return Optional.empty();
        }
        Instant time;
        try {
            time = Instant.parse(event.path("time").asText());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        JsonNode data = event.path("data");
        String type = event.path("type").asText();
        String household = text(data, "householdId");
        String village = text(data, "villageCode");
        String orderKey = household != null ? household : key != null ? key : event.path("subject").asText(event.path("id").asText());
        return Optional.of(new RoutedEvent(event.path("id").asText(), type, time, value, orderKey,
                regionsNamed(type, data, household, village), household, village));
    }

    private static EventRegions regionsNamed(String type, JsonNode data, String household, String village) {
        if (type.equals("region.upserted") && text(data, "code") != null) {
            return EventRegions.of(text(data, "code"));
        }
        if (village != null) {
            return EventRegions.of(village);
        }
        if (data.path("townshipCodes").isArray()) {
            List<String> codes = new ArrayList<>();
            data.path("townshipCodes").forEach(code -> codes.add(code.asText()));
            return new EventRegions(codes);
        }
        // A household's event that does not name its village: the village is looked up (EventIntake).
        return household != null ? EventRegions.UNKNOWN : EventRegions.COUNTY_WIDE;
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    public RoutedEvent in(EventRegions known) {
        return new RoutedEvent(id, type, occurredAt, body, orderKey, known, household, village);
    }
}
