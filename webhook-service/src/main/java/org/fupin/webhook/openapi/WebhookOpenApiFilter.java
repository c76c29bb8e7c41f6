package org.fupin.webhook.openapi;

import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.fupin.events.EventType;
import org.fupin.platform.openapi.ProblemResponsesFilter;

/**
 * The platform's document filter, and one thing an annotation cannot say: the event types a subscription may name
 * are exactly those of the events module's contract.
 */
public class WebhookOpenApiFilter extends ProblemResponsesFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            Schema request = openAPI.getComponents().getSchemas().get("SubscriptionRequest");
            if (request != null && request.getProperties() != null && request.getProperties().get("eventTypes") != null) {
                Schema items = request.getProperties().get("eventTypes").getItems();
                if (items != null) {
                    List<Object> types = Arrays.stream(EventType.values()).map(type -> (Object) type.type()).toList();
                    items.setEnumeration(types);
                }
            }
        }
        super.filterOpenAPI(openAPI);
    }
}
