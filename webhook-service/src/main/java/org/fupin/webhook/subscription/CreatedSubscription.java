package org.fupin.webhook.subscription;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a new subscription: the only time its signing secret is shown. */
@Schema(name = "CreatedSubscription")
public record CreatedSubscription(
        SubscriptionView subscription,
        @Schema(description = "The Standard Webhooks signing secret; keep it, it is not shown again.") String secret) {

    static CreatedSubscription of(Subscription s) {
        return new CreatedSubscription(SubscriptionView.of(s), s.secret());
    }
}
