package org.fupin.testing;

import java.net.URI;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where a service under test serves health and its OpenAPI document: the management interface,
 * bound to 127.0.0.1 (an injected {@code @TestHTTPResource(management = true)} names "localhost",
 * which may resolve to ::1 first and be refused).
 */
public final class ManagementInterface {

    private ManagementInterface() {
    }

    public static String url() {
        return "http://127.0.0.1:" + ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** The service's Prometheus metrics, as an operator's scrape of /q/metrics reads them. */
    public static PrometheusText metrics() {
        return PrometheusText.scrape(URI.create(url() + "/q/metrics"));
    }
}
