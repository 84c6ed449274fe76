package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relohelp.PostgresServer;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;

/**
 * Two instances of the bot, each its own process, in webhook mode on one PostgreSQL, behind a round-robin proxy
 * (as a load balancer would be): every other update arrives at the instance that does not lead. Each person's
 * commands are answered once each and in their order; exactly one instance leads (lease, log, health) and runs the
 * scheduled jobs; when the leader is killed while Telegram holds back its answers, the other takes over within the lease and answers the
 * rest — the updates stored meanwhile too — and nothing twice.
 */
@ExtendWith(PostgresServer.Configured.class)
class ClusterEndToEndTest {

    private static final String TOKEN = "868686:cluster-test-token";
    private static final String SECRET = "cluster-secret_1";
    private static final int PEOPLE = 15;
    /** Calls the outbox makes at once (relohelp.telegram.senders): that many answers are in the air. */
    private static final int SENDERS = 8;
    /** Commands whose answers are fixed and tell each other apart, with a phrase of each answer. */
    private static final List<String[]> COMMANDS = List.of(
            new String[] {"/help", "Что я умею"},
            new String[] {"/privacy", "Ваши данные"},
            new String[] {"/reminders", "Напоминаний нет"},
            new String[] {"/nonsense", "Не знаю такой команды"},
            new String[] {"/mute", "больше не придут"},
            new String[] {"/unmute", "снова включены"});
    private static final String QUESTION = "сколько можно находиться в армении без визы";
    /** What the weekly stale list and the daily purge log when they run. */
    private static final String STALE_LIST = "Stale knowledge list queued";
    private static final String PURGE = "Retention: ";

    private final List<Process> processes = new ArrayList<>();
    private final AtomicLongArray forwarded = new AtomicLongArray(2);
    private HttpServer proxy;

    @BeforeAll
    static void postgres() {
        PostgresServer.requireConfigured();
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (proxy != null) {
            proxy.stop(0);
        }
    }

    @Test
    void twoInstancesAnswerEveryoneOnceInOrderAndTheSecondTakesOverWhenTheLeaderDies() throws Exception {
        String database = PostgresServer.emptySchema("test_cluster");
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "cluster-data-");
        int[] ports = {freePort(), freePort()};
        int[] management = {freePort(), freePort()};
        proxy = roundRobin(ports);
        String hook = "http://127.0.0.1:" + proxy.getAddress().getPort() + "/telegram";
        List<EmulatedUser> people = LongStream.range(0, PEOPLE)
                .mapToObj(i -> new EmulatedUser(8_600_000_000L + i, "Cluster", "ru")).toList();

        try (BotApiEmulator telegram = BotApiEmulator.start(TOKEN, 0)) {
            // one after the other: the first start on an empty database imports the knowledge base (a minute and more
            // on a busy machine with two cores)
            Process alpha = start("alpha", ports[0], management[0], telegram, data, database, hook);
            awaitUntil(() -> leader(database).equals("alpha"), 120);
            Process beta = start("beta", ports[1], management[1], telegram, data, database, hook);
            awaitUntil(() -> log(data, "beta").contains("Webhook set"), 120);
            long betaUp = System.nanoTime();
            assertThat(telegram.calls("setwebhook")).isEqualTo(2);

            // (1) both instances receive, the leader alone answers: once each, in each person's order
            // one person's commands one after the other, so consecutive ones reach different instances: an update
            // received by the leader must not overtake the same person's previous one stored by the other
            for (EmulatedUser person : people) {
                COMMANDS.forEach(command -> telegram.sendText(person, command[0]));
            }
            for (EmulatedUser person : people) {
                List<BotMessage> answers = telegram.awaitBotMessages(person.id(), COMMANDS.size(), Duration.ofSeconds(60));
                for (int i = 0; i < COMMANDS.size(); i++) {
                    assertThat(answers.get(i).text()).as("answer %d to %d", i, person.id())
                            .contains(COMMANDS.get(i)[1]);
                }
            }
            Thread.sleep(1_500); // a repeated answer would arrive meanwhile
            people.forEach(p -> assertThat(telegram.botMessages(p.id())).as("answers to " + p.id())
                    .hasSize(COMMANDS.size()));
            long total = (long) PEOPLE * COMMANDS.size();
            assertThat(forwarded.get(0)).as("updates stored by alpha").isBetween(total / 2 - 1, total / 2 + 1);
            assertThat(forwarded.get(1)).as("updates stored by beta").isBetween(total / 2 - 1, total / 2 + 1);
            assertThat(leader(database)).isEqualTo("alpha");
            assertThat(occurrences(log(data, "alpha"), "is now the leader")).isEqualTo(1);
            assertThat(log(data, "beta")).doesNotContain("is now the leader");
            assertThat(health(management[0])).contains("\"leader\":true", "\"instance\":\"alpha\"");
            assertThat(health(management[1])).contains("\"leader\":false", "\"instance\":\"beta\"");
            // two singleton jobs, scheduled every 2 s here (each logs when it runs): on the leader only
            Thread.sleep(Math.max(0, 5_000 - (System.nanoTime() - betaUp) / 1_000_000));
            assertThat(log(data, "alpha")).contains(STALE_LIST, PURGE);
            assertThat(log(data, "beta")).doesNotContain(STALE_LIST).doesNotContain(PURGE);

            // (2) the leader dies with an answer in the air on every sender (Telegram took them, the leader never
            // heard) and the other updates stored on either instance; more arrive while nobody leads
            telegram.holdResponses(true);
            people.forEach(person -> telegram.sendText(person, QUESTION));
            awaitUntil(() -> inbox(database) == total + PEOPLE && answered(telegram, people, COMMANDS.size()) == SENDERS, 60);
            Thread.sleep(300);
            assertThat(answered(telegram, people, COMMANDS.size())).as("the leader is stuck").isEqualTo(SENDERS);
            alpha.destroyForcibly();
            assertThat(alpha.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long killed = System.nanoTime();
            telegram.holdResponses(false);
            people.forEach(person -> telegram.sendText(person, "/help"));

            awaitUntil(() -> answered(telegram, people, COMMANDS.size() + 1) == PEOPLE, 60);
            double takeover = (System.nanoTime() - killed) / 1e9;
            assertThat(takeover).as("seconds until beta answered everyone (lease 5 s)").isLessThan(15);
            for (EmulatedUser person : people) {
                List<BotMessage> answers = telegram.awaitBotMessages(person.id(), COMMANDS.size() + 2,
                        Duration.ofSeconds(30));
                assertThat(answers.get(COMMANDS.size()).text()).as("the answer to the question").contains("Армени");
                assertThat(answers.get(COMMANDS.size() + 1).text()).as("then /help").contains("Что я умею");
            }
            Thread.sleep(2_000);
            people.forEach(p -> assertThat(telegram.botMessages(p.id())).as("answers to " + p.id())
                    .hasSize(COMMANDS.size() + 2));
            assertThat(leader(database)).isEqualTo("beta");
            assertThat(log(data, "beta")).contains("Instance beta is now the leader");
            awaitUntil(() -> log(data, "beta").contains(STALE_LIST) && log(data, "beta").contains(PURGE), 10);
            assertThat(log(data, "beta")).doesNotContain(QUESTION).doesNotContain(TOKEN);
            assertThat(beta.isAlive()).isTrue();
            System.out.printf("cluster: %d + %d updates stored by alpha and beta, takeover answered in %.1f s%n",
                    forwarded.get(0), forwarded.get(1), takeover);
        }
    }

    private Process start(String id, int port, int managementPort, BotApiEmulator telegram, Path data,
                          String database, String hook) throws IOException {
        Process process = BotProcess.start(TOKEN, telegram, data, id + ".log", Map.of(
                "SPRING_PROFILES_ACTIVE", "postgres",
                "RELOHELP_DB_URL", database,
                "RELOHELP_DB_USER", PostgresServer.user(),
                "RELOHELP_DB_PASSWORD", PostgresServer.password(),
                "TELEGRAM_WEBHOOK_URL", hook,
                "TELEGRAM_WEBHOOK_SECRET", SECRET,
                "RELOHELP_WEBHOOK_PORT", String.valueOf(port),
                "RELOHELP_INSTANCE_ID", id,
                "RELOHELP_MANAGEMENT_PORT", String.valueOf(managementPort),
                "SPRING_APPLICATION_JSON", """
                        {"relohelp.cluster.lease": "5s", "relohelp.cluster.renew-every": "1s",
                         "relohelp.telegram.limits.per-chat": "50", "relohelp.telegram.flood-per-minute": "60",
                         "relohelp.knowledge.stale-report-cron": "*/2 * * * * *",
                         "relohelp.privacy.purge-cron": "*/2 * * * * *"}
                        """));
        processes.add(process);
        return process;
    }

    /** A load balancer: each request goes to the next instance in turn; one that cannot be reached gives a 502. */
    private HttpServer roundRobin(int[] ports) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        AtomicInteger next = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/telegram", exchange -> forward(exchange, http, ports, next));
        server.start();
        return server;
    }

    private void forward(HttpExchange exchange, HttpClient http, int[] ports, AtomicInteger next) throws IOException {
        try (exchange) {
            int target = Math.floorMod(next.getAndIncrement(), ports.length);
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + ports[target] + exchange.getRequestURI().getPath()))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            String secret = exchange.getRequestHeaders().getFirst(WebhookReceiver.SECRET_HEADER);
            if (secret != null) {
                request.header(WebhookReceiver.SECRET_HEADER, secret);
            }
            int status;
            try {
                status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException unreachable) {
                status = 502;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = 502;
            }
            if (status == 200) {
                forwarded.incrementAndGet(target);
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private static String leader(String database) {
        try (Connection connection = DriverManager.getConnection(database, PostgresServer.user(),
                PostgresServer.password());
             Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select holder, expires_at from leader_lease")) {
            // the instances write UTC times
            boolean held = row.next() && row.getString(1) != null
                    && row.getTimestamp(2).toLocalDateTime().isAfter(LocalDateTime.now(ZoneOffset.UTC));
            return held ? row.getString(1) : "";
        } catch (SQLException notYetMigrated) {
            return "";
        }
    }

    private static String health(int port) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health/leader")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static long inbox(String database) {
        try (Connection connection = DriverManager.getConnection(database, PostgresServer.user(),
                PostgresServer.password());
             Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select count(*) from inbox")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long answered(BotApiEmulator telegram, List<EmulatedUser> people, int before) {
        return people.stream().filter(p -> telegram.botMessages(p.id()).size() > before).count();
    }

    private static String log(Path data, String id) {
        try {
            Path file = data.resolve(id + ".log");
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static void awaitUntil(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
