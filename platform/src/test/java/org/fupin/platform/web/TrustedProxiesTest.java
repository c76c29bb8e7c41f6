package org.fupin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.quarkus.vertx.http.runtime.TrustedProxyCheck;
import io.quarkus.vertx.http.runtime.TrustedProxyCheckPartConverter;

/**
 * The services believe X-Forwarded-* from the gateway's address only. Quarkus reads each trusted proxy
 * either as an address or as a host name, and a host name it resolves by DNS on every request: a bare
 * {@code ::1} was read as host ":" with port 1, so every request into every service sent a DNS query that
 * failed (7 % of household-service's CPU in the registration benchmark's profile).
 */
class TrustedProxiesTest {

    @Test
    void everyTrustedProxyIsReadAsAnAddressSoNoRequestWaitsForDns() throws Exception {
        List<String> proxies = trustedProxies();
        assertThat(proxies).isNotEmpty();
        for (String proxy : proxies) {
            assertThat(hostName(proxy)).as("Quarkus reads trusted proxy '%s' as a host name", proxy).isNull();
        }
    }

    @Test
    void aBareIpv6LoopbackWouldBeReadAsAName() throws Exception {
        assertThat(hostName("::1")).isNotNull();
        assertThat(hostName("::1/128")).isNull();
    }

    private static List<String> trustedProxies() throws IOException {
        Properties shared = new Properties();
        try (InputStream in = TrustedProxiesTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            shared.load(in);
        }
        return Arrays.stream(shared.getProperty("quarkus.http.proxy.trusted-proxies", "").split(",")).map(String::strip)
                .filter(proxy -> !proxy.isEmpty()).toList();
    }

    /** The host name Quarkus would look up for a trusted proxy, or null when it reads an address or a range. */
    private static String hostName(String proxy) throws Exception {
        TrustedProxyCheck.TrustedProxyCheckPart part = new TrustedProxyCheckPartConverter().convert(proxy);
        Field hostName = TrustedProxyCheck.TrustedProxyCheckPart.class.getDeclaredField("hostName");
        hostName.setAccessible(true);
        return (String) hostName.get(part);
    }
}
