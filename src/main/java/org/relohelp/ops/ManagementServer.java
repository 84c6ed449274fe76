package org.relohelp.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.metrics.export.prometheus.PrometheusOutputFormat;
import org.springframework.boot.actuate.metrics.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * Serves Actuator's health and Prometheus endpoints on the management port with the JDK's HTTP server. Actuator
 * speaks HTTP only through Spring MVC, WebFlux or Jersey, and a servlet container for two read-only pages would
 * cost start-up time and memory the bot needs (issue #6); the endpoints themselves are Actuator's, unchanged.
 * A port that cannot be bound is logged and the bot keeps serving its users.
 */
@Component
class ManagementServer implements SmartLifecycle {

    static final String HEALTH = "/actuator/health";
    static final String PROMETHEUS = "/actuator/prometheus";
    private static final Logger log = LoggerFactory.getLogger(ManagementServer.class);

    private final ManagementProperties properties;
    private final ObjectProvider<HealthEndpoint> health;
    private final ObjectProvider<PrometheusScrapeEndpoint> prometheus;
    private final HttpCodeStatusMapper statusCodes;
    private final ConfigurableEnvironment environment;
    private final ObjectMapper json = new ObjectMapper();
    private volatile HttpServer server;
    private volatile ExecutorService executor;

    ManagementServer(ManagementProperties properties, ObjectProvider<HealthEndpoint> health,
                     ObjectProvider<PrometheusScrapeEndpoint> prometheus,
                     ObjectProvider<HttpCodeStatusMapper> statusCodes, ConfigurableEnvironment environment) {
        this.properties = properties;
        this.health = health;
        this.prometheus = prometheus;
        this.statusCodes = statusCodes.getIfAvailable(() -> HttpCodeStatusMapper.DEFAULT);
        this.environment = environment;
    }

    @Override
    public void start() {
        if (properties.port() < 0) {
            log.info("Health and metrics are not served (RELOHELP_MANAGEMENT_PORT=-1)");
            return;
        }
        try {
            HttpServer http = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByName(properties.address()), properties.port()), 16);
            http.createContext(HEALTH, this::health);
            http.createContext(PROMETHEUS, this::prometheus);
            // one thread is plenty for a scraper and a probe, and keeps the server from competing with the lanes
            executor = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "management-http");
                thread.setDaemon(true);
                return thread;
            });
            http.setExecutor(executor);
            http.start();
            server = http;
            // as Spring Boot's own management server does, so tests can use @LocalManagementPort with port 0
            environment.getPropertySources().addFirst(new MapPropertySource("relohelp-management-server",
                    Map.of("local.management.port", port())));
            log.info("Health and metrics on http://{}:{}{} and {}", properties.address(), port(), HEALTH, PROMETHEUS);
        } catch (IOException | RuntimeException e) {
            log.error("Health and metrics are not served: {}:{} cannot be bound ({}); set RELOHELP_MANAGEMENT_PORT",
                    properties.address(), properties.port(), e.getClass().getSimpleName());
        }
    }

    /** Where the server listens; null when it does not. */
    InetSocketAddress address() {
        HttpServer http = server;
        return http == null ? null : http.getAddress();
    }

    int port() {
        InetSocketAddress address = address();
        return address == null ? -1 : address.getPort();
    }

    private void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            HealthEndpoint endpoint = health.getIfAvailable();
            if (!isGet(exchange) || endpoint == null) {
                exchange.sendResponseHeaders(endpoint == null ? 404 : 405, -1);
                return;
            }
            String[] path = Arrays.stream(exchange.getRequestURI().getPath().substring(HEALTH.length()).split("/"))
                    .filter(part -> !part.isEmpty()).toArray(String[]::new);
            HealthComponent component = path.length == 0 ? endpoint.health() : endpoint.healthForPath(path);
            if (component == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            send(exchange, statusCodes.getStatusCode(component.getStatus()), "application/json",
                    json.writeValueAsBytes(component));
        }
    }

    private void prometheus(HttpExchange exchange) throws IOException {
        try (exchange) {
            PrometheusScrapeEndpoint endpoint = prometheus.getIfAvailable();
            if (!isGet(exchange) || endpoint == null) {
                exchange.sendResponseHeaders(endpoint == null ? 404 : 405, -1);
                return;
            }
            PrometheusOutputFormat format = PrometheusOutputFormat.CONTENT_TYPE_004;
            WebEndpointResponse<byte[]> scrape = endpoint.scrape(format, null);
            send(exchange, scrape.getStatus(), format.getProducedMimeType().toString(),
                    scrape.getBody() == null ? new byte[0] : scrape.getBody());
        }
    }

    private static boolean isGet(HttpExchange exchange) {
        return exchange.getRequestMethod().equals("GET");
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType.contains("charset") ? contentType
                : contentType + "; charset=" + StandardCharsets.UTF_8.name().toLowerCase());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        HttpServer http = server;
        server = null;
        if (http != null) {
            http.stop(0);
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
