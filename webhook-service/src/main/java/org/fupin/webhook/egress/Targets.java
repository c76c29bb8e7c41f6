package org.fupin.webhook.egress;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;
import org.fupin.webhook.config.WebhookConfig;

/**
 * Where a subscription's URL leads, checked when the subscription is made and again before every
 * attempt: the name is resolved, every address it resolves to must pass the {@link AddressGuard}, and
 * the delivery connects to the very address that was checked (a name that resolves to a public address
 * once and to 127.0.0.1 the next time gains nothing). Plain http is accepted only inside the county's
 * allowed networks; on the internet a receiver must use https.
 */
@ApplicationScoped
public class Targets {

    /** Problem code of every refused target; the field code says why. */
    public static final String TARGET_REFUSED = "target-refused";
    public static final String FORBIDDEN = "target-forbidden";
    public static final String UNRESOLVABLE = "target-unresolvable";
    public static final String HTTPS_REQUIRED = "https-required";

    /** The address a delivery connects to, checked. */
    public record Target(URI uri, InetAddress address) {
        public int port() {
            return uri.getPort() > 0 ? uri.getPort() : secure() ? 443 : 80;
        }

        public boolean secure() {
            return "https".equals(uri.getScheme());
        }
    }

    /** Why a target may not be used, as a field code and an English reason. */
    public record Refused(String code, String reason) {
    }

    private final AddressGuard guard;

    public Targets(WebhookConfig config) {
        this.guard = AddressGuard.of(config.allowedNetworks());
    }

    /** The URL of a new subscription, or a 422 {@code target-refused} naming the field {@code url}. */
    public URI accept(String url) {
        URI uri = parse(url).orElseThrow(() -> refusal(new Refused(FORBIDDEN, "the URL is not an absolute http or https URL")));
        Refused refused = check(uri).refused();
        if (refused != null) {
            throw refusal(refused);
        }
        return uri;
    }

    /** Checks the target again, at the moment of a delivery. */
    public Outcome check(URI uri) {
        String host = uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Outcome.refused(new Refused(UNRESOLVABLE, "the host " + host + " does not resolve"));
        }
        // Every address must pass, not only the first: a name with one public and one internal address is refused.
        for (InetAddress address : addresses) {
            Optional<String> why = guard.refusal(address);
            if (why.isPresent()) {
                return Outcome.refused(new Refused(FORBIDDEN, "the host " + host + " resolves to " + why.get()));
            }
        }
        if ("http".equals(uri.getScheme()) && !List.of(addresses).stream().allMatch(guard::inAllowedNetworks)) {
            return Outcome.refused(new Refused(HTTPS_REQUIRED,
                    "plain http is accepted only inside the county's allowed networks; use https"));
        }
        return Outcome.to(new Target(uri, addresses[0]));
    }

    /** A target, or why there is none. */
    public record Outcome(Target target, Refused refused) {
        static Outcome to(Target target) {
            return new Outcome(target, null);
        }

        static Outcome refused(Refused refused) {
            return new Outcome(null, refused);
        }
    }

    private static Optional<URI> parse(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Refusal refusal(Refused refused) {
        return new Refusal(Refusal.Kind.UNPROCESSABLE, TARGET_REFUSED, "The webhook URL cannot be a target: " + refused.reason() + ".",
                List.of(new Violation("url", refused.code(), refused.reason())));
    }
}
