package org.fupin.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import org.fupin.testing.ExternalAddress;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real HTTP receiver for the module's tests, on this machine's first non-loopback IPv4 address (loopback is
 * never a target), which it opens to the service as the county's allowed network. Paths starting /down answer
 * 503, every other one 204; every request is kept.
 */
public class Receiver implements QuarkusTestResourceLifecycleManager {

    public record Request(String path, String id, String timestamp, String signature, String body) {
    }

    private static HttpServer server;
    private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        InetAddress address = external();
        try {
            server = HttpServer.create(new InetSocketAddress(address, 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            REQUESTS.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"), exchange.getRequestHeaders().getFirst("webhook-signature"),
                    body));
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().startsWith("/down") ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
        return Map.of("fupin.webhook.allowed-networks", address.getHostAddress() + "/32");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    public static String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path;
    }

    public static int port() {
        return server.getAddress().getPort();
    }

    public static List<Request> at(String path) {
        return REQUESTS.stream().filter(request -> request.path().equals(path)).toList();
    }

    private static InetAddress external() {
        return ExternalAddress.first()
                .orElseThrow(() -> new IllegalStateException("The webhook tests need an interface besides loopback"));
    }
}
