package org.fupin.webhook.subscription;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.platform.listing.QueryParams;
import org.fupin.webhook.signing.Signatures;

/** A new subscription as a caller sends it. */
@Schema(name = "SubscriptionRequest")
public record SubscriptionRequest(
        @NotNull @Size(max = 2000) @Pattern(regexp = URL_PATTERN)
        @Schema(description = "Where deliveries are POSTed. https, or http inside the county's allowed networks. Refused "
                + "(422 target-refused) when the host does not resolve or resolves to a loopback, link-local, private or "
                + "reserved address outside the county's allowed networks.", pattern = URL_PATTERN, maxLength = 2000,
                examples = "https://receiver.example.gov.cn/fupin/events") String url,
        @NotNull @Size(min = 1, max = 50)
        @Schema(description = "The event types to deliver (the CloudEvents type, e.g. household.registered); see /asyncapi.")
        List<@NotNull String> eventTypes,
        @Pattern(regexp = QueryParams.REGION_CODE)
        @Schema(description = "Deliver only events of records in this region; default the caller's region. A region outside "
                + "the caller's answers 404.", pattern = QueryParams.REGION_CODE, nullable = true) String region,
        @Pattern(regexp = Signatures.SECRET_PATTERN)
        @Schema(description = "The Standard Webhooks signing secret (whsec_ and 24 to 66 bytes in base64); default a new "
                + "random one. Shown once, in the answer to this request.", pattern = Signatures.SECRET_PATTERN, nullable = true,
                examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret,
        @Size(max = 500) @Schema(description = "What the receiver is, for the people who look after it.", maxLength = 500,
                nullable = true) String description) {

    /** Absolute http(s) URL without credentials or fragment (what a schema can say; Targets checks the rest). */
    public static final String URL_PATTERN = "^https?://[^\\s/?#@]+([/?][^\\s#]*)?$";

    NewSubscription toDomain() {
        return new NewSubscription(url, eventTypes, region, secret, description);
    }
}
