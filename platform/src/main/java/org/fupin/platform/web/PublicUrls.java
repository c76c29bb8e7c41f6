package org.fupin.platform.web;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.smallrye.config.ConfigMapping;

/**
 * Absolute URLs in answers ({@code Location}) name the deployment's public base URL, never the
 * host a request claimed: built from {@code Host} or {@code X-Forwarded-Host}, a {@code Location}
 * could send a client and its token to wherever an attacker's header pointed. Without a configured
 * base URL a {@code Location} is relative (path and query, RFC 9110 §10.2.2), resolved by the client
 * against the URL it called.
 */
public class PublicUrls {

    /** Where clients reach the API. */
    @ConfigMapping(prefix = "fupin.public")
    public interface Config {

        /** The gateway's public URL, scheme, host and port, e.g. {@code https://fupin.example.gov.cn}; absent: relative URLs. */
        Optional<String> baseUrl();
    }

    private final String baseUrl;

    public PublicUrls(Config config) {
        String url = config.baseUrl().orElse("");
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @ServerResponseFilter
    public void rewriteLocation(ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location != null) {
            response.getHeaders().putSingle(HttpHeaders.LOCATION, publicUrl(location.toString()));
        }
    }

    /** The same path and query under the public base URL. */
    String publicUrl(String location) {
        URI uri = URI.create(location);
        return baseUrl + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
