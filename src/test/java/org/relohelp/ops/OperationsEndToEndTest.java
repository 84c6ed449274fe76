package org.relohelp.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relohelp.EndToEndTest;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Health and metrics over HTTP from the management port while the real bot answers a question through the
 * emulator: the components are UP, the counters move by exactly what happened, nothing secret is exported, and
 * the port is open on loopback only.
 */
class OperationsEndToEndTest extends EndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ManagementServer server;

    @Test
    void healthIsUpAndCountersMoveAfterOneQuestion() throws Exception {
        EmulatedUser user = newUser("ru");
        ask(user, "/start"); // the first answer proves polling got through at least once
        String before = get(ManagementServer.PROMETHEUS).body();

        String question = "как получить ИИН в Алматы";
        assertThat(ask(user, question).text()).contains("ИИН");

        HttpResponse<String> scrape = get(ManagementServer.PROMETHEUS);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain"));
        String after = scrape.body();
        assertThat(value(after, "relohelp_knowledge_answers_total", "outcome=\"answered\""))
                .isEqualTo(value(before, "relohelp_knowledge_answers_total", "outcome=\"answered\"") + 1);
        assertThat(value(after, "relohelp_knowledge_answers_total", "outcome=\"not_confident\""))
                .isEqualTo(value(before, "relohelp_knowledge_answers_total", "outcome=\"not_confident\""));
        assertThat(value(after, "relohelp_updates_received_total", "kind=\"message/text\""))
                .isEqualTo(value(before, "relohelp_updates_received_total", "kind=\"message/text\"") + 1);
        // the timer records when the client has read Telegram's answer, a moment after the chat shows the message
        String sends = "method=\"sendmessage\",outcome=\"2xx\"";
        double sendsBefore = value(before, "relohelp_telegram_send_seconds_count", sends);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (value(after, "relohelp_telegram_send_seconds_count", sends) <= sendsBefore
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
            after = get(ManagementServer.PROMETHEUS).body();
        }
        assertThat(value(after, "relohelp_telegram_send_seconds_count", sends)).isGreaterThan(sendsBefore);
        assertThat(after).contains("relohelp_escalations_total", "relohelp_queue_depth{queue=\"updates\"}",
                "relohelp_queue_depth{queue=\"sends\"}", "relohelp_polling_answer_age_seconds",
                "relohelp_telegram_send_seconds_bucket");
        assertThat(after).doesNotContain(TOKEN, TOKEN.substring(TOKEN.indexOf(':') + 1), "ИИН", "Алматы",
                String.valueOf(user.id()));

        ask(user, "/human");
        assertThat(ask(user, "Не понимаю, где получить ИИН").text()).contains("#");
        assertThat(value(get(ManagementServer.PROMETHEUS).body(), "relohelp_escalations_total", ""))
                .isEqualTo(value(after, "relohelp_escalations_total", "") + 1);

        HttpResponse<String> health = get(ManagementServer.HEALTH);
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode tree = JSON.readTree(health.body());
        assertThat(tree.path("status").asText()).isEqualTo("UP");
        for (String component : new String[] {"db", "polling", "queue"}) {
            assertThat(tree.path("components").path(component).path("status").asText()).as(component)
                    .isEqualTo("UP");
        }
        assertThat(tree.path("components").path("queue").path("details").path("updatesWaiting").isInt()).isTrue();
        assertThat(health.body()).doesNotContain(TOKEN.substring(TOKEN.indexOf(':') + 1));
        assertThat(get(ManagementServer.HEALTH + "/polling").statusCode()).isEqualTo(200);
    }

    @Test
    void countsA429AndTheRetryThatFollows() throws Exception {
        EmulatedUser user = newUser("ru");
        ask(user, "/start");
        String before = get(ManagementServer.PROMETHEUS).body();
        TELEGRAM.failNext("sendMessage", 429, 1, 1);

        assertThat(ask(user, "/help").text()).contains("/stay");

        String limited = "method=\"sendmessage\"";
        String after = get(ManagementServer.PROMETHEUS).body();
        assertThat(value(after, "relohelp_telegram_rate_limited_total", limited))
                .isEqualTo(value(before, "relohelp_telegram_rate_limited_total", limited) + 1);
        assertThat(value(after, "relohelp_telegram_send_seconds_count", "method=\"sendmessage\",outcome=\"429\""))
                .isEqualTo(value(before, "relohelp_telegram_send_seconds_count",
                        "method=\"sendmessage\",outcome=\"429\"") + 1);
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        InetSocketAddress bound = server.address();
        assertThat(bound).isNotNull();
        assertThat(bound.getAddress().isLoopbackAddress()).isTrue();
        Optional<InetAddress> outside = nonLoopbackAddress();
        if (outside.isPresent()) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(outside.get(), bound.getPort()), 2_000);
                }
            }).isInstanceOf(IOException.class);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A sample's value, 0 when the series is not there yet (a counter not incremented with those tags). */
    private static double value(String scrape, String name, String labels) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "(?:\\{([^}]*)\\})? (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = sample.matcher(scrape);
        while (matcher.find()) {
            if (matcher.group(1) == null ? labels.isEmpty() : matcher.group(1).contains(labels)) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return 0;
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
