package org.fupin.webhook.subscription;

import java.util.List;

/** What a caller asks for: the receiver's URL, the event types, the region (null: the caller's own), a secret (null: made here). */
public record NewSubscription(String url, List<String> eventTypes, String region, String secret, String description) {
}
