package org.relohelp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.ChatEvent;

/**
 * Only the sandbox page itself may drive the sandbox (#14): requests another web page could make a browser send —
 * from a foreign origin, without an Origin, with a form or text body, or to a name rebound to 127.0.0.1 — are
 * refused and nothing reaches the bot; the page's own requests work. Plain HTTP over a socket, so every header is
 * exactly as written here.
 */
class SandboxPageSecurityTest {

    private static final String TOKEN = "100000002:sandbox-test";
    private static final String ANNA = String.valueOf(SandboxPeople.ANNA.id());
    private static final String SEND = "{\"personId\":\"" + ANNA + "\",\"chatId\":\"" + ANNA + "\",\"text\":\"hello\"}";

    private final BotApiEmulator telegram = BotApiEmulator.start(TOKEN, 0);
    private final SandboxPage page = new SandboxPage(telegram, new SandboxProperties(true, 0, 0, false));
    private final int port;
    private final String self;

    SandboxPageSecurityTest() {
        page.start();
        port = URI.create(page.url()).getPort();
        self = "127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        page.stop();
        telegram.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/send", "/api/press", "/api/upload", "/api/forum"})
    void aRequestFromAnotherSiteIsRefusedAndReachesNobody(String endpoint) throws Exception {
        assertThat(post(endpoint, self, "http://evil.example", "application/json", SEND).status()).isEqualTo(403);
        assertThat(post(endpoint, self, "null", "application/json", SEND).status()).isEqualTo(403);
        assertThat(post(endpoint, self, "http://127.0.0.1:" + (port + 1), "application/json", SEND).status())
                .isEqualTo(403);
        Response missing = post(endpoint, self, null, "application/json", SEND);
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.body()).contains("only the sandbox page itself");
        assertNothingReachedTheBot();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", ""})
    void aBodyThatIsNotDeclaredJsonIsRefused(String type) throws Exception {
        for (String endpoint : List.of("/api/send", "/api/press", "/api/upload", "/api/forum")) {
            Response response = post(endpoint, self, "http://" + self, type.isEmpty() ? null : type, SEND);
            assertThat(response.status()).as(endpoint + " with " + type).isEqualTo(415);
            assertThat(response.body()).contains("must be JSON");
        }
        assertNothingReachedTheBot();
    }

    @Test
    void aNameReboundToTheLoopbackIsRefusedEvenForReading() throws Exception {
        // DNS rebinding: to the browser, evil.example is the page's own origin, so its Origin matches its Host
        String rebound = "evil.example:" + port;
        assertThat(post("/api/send", rebound, "http://" + rebound, "application/json", SEND).status()).isEqualTo(403);
        assertThat(request("GET /api/events?after=0", rebound, null, null, null).status()).isEqualTo(403);
        assertThat(request("GET /", rebound, null, null, null).status()).isEqualTo(403);
        assertThat(request("GET /api/people", "127.0.0.2:" + port, null, null, null).status()).isEqualTo(403);
        assertThat(request("GET /api/people", null, null, null, null).status()).isEqualTo(403);
        // reading from another site's script is refused too
        assertThat(request("GET /api/events?after=0", self, "http://evil.example", null, null).status())
                .isEqualTo(403);
        assertNothingReachedTheBot();
    }

    @Test
    void thePagesOwnRequestsWork() throws Exception {
        Response index = request("GET /", self, null, null, null);
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.headers()).containsEntry("content-security-policy",
                "default-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        assertThat(index.headers()).containsEntry("x-frame-options", "DENY");
        assertThat(request("GET /api/people", self, null, null, null).status()).isEqualTo(200);

        assertThat(post("/api/send", self, "http://" + self, "application/json; charset=utf-8", SEND).status())
                .isEqualTo(200);
        String localhost = "localhost:" + port;
        assertThat(post("/api/send", localhost, "http://" + localhost, "application/json",
                SEND.replace("hello", "again")).status()).isEqualTo(200);
        assertThat(post("/api/upload", self, "http://" + self, "application/json", "{\"personId\":\"" + ANNA
                + "\",\"chatId\":\"" + ANNA + "\",\"name\":\"a.png\",\"type\":\"image/png\",\"data\":\"AQID\"}")
                .status()).isEqualTo(200);
        int question = telegram.events(0, Duration.ZERO).get(0).messageId();
        assertThat(post("/api/send", self, "http://" + self, "application/json", "{\"personId\":\"" + ANNA
                + "\",\"chatId\":\"" + ANNA + "\",\"text\":\"a reply\",\"replyTo\":" + question + "}").status())
                .isEqualTo(200);
        String bot = botSays(SandboxPeople.ANNA.id(), "{\"chat_id\":" + ANNA + ",\"text\":\"q\",\"reply_markup\":"
                + "{\"inline_keyboard\":[[{\"text\":\"Yes\",\"callback_data\":\"yes\"}]]}}");
        assertThat(bot).contains("\"ok\":true");
        int buttons = telegram.botMessages(SandboxPeople.ANNA.id()).get(0).messageId();
        assertThat(post("/api/press", self, "http://" + self, "application/json", "{\"personId\":\"" + ANNA
                + "\",\"chatId\":\"" + ANNA + "\",\"messageId\":" + buttons + ",\"data\":\"yes\"}").status())
                .isEqualTo(200);

        List<ChatEvent> events = telegram.events(0, Duration.ZERO);
        assertThat(events).extracting(ChatEvent::text).startsWith("hello", "again", "", "a reply", "q");
        assertThat(events.get(2).media()).isEqualTo("photo");
        assertThat(telegram.file(events.get(2).fileId()).orElseThrow().bytes()).containsExactly(1, 2, 3);
        assertThat(events.get(3).replyTo()).isEqualTo(question);
        assertThat(telegram.pendingUpdates()).isEqualTo(5);
    }

    @Test
    void thePageTurnsTopicsOnListsThemAndWritesInOne() throws Exception {
        String origin = "http://" + self;
        long group = SandboxPeople.VOLUNTEER_GROUP;
        String vera = String.valueOf(SandboxPeople.VOLUNTEER.id());
        assertThat(request("GET /api/topics", self, null, null, null).body()).contains("\"forum\":false",
                "\"topics\":[]");
        assertThat(post("/api/forum", self, origin, "application/json", "{}").status()).isEqualTo(200);
        assertThat(telegram.isForum(group)).isTrue();
        telegram.setBotRights(group, org.relohelp.emulator.BotRights.administrator(
                org.relohelp.emulator.BotRights.Right.MANAGE_TOPICS));
        String created = botSays(group, "createForumTopic", "{\"chat_id\":" + group + ",\"name\":\"Заявка #1\"}");
        int thread = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created).path("result").path("message_thread_id").asInt();
        assertThat(request("GET /api/topics", self, null, null, null).body()).contains("\"forum\":true",
                "\"name\":\"General\"", "\"name\":\"Заявка #1\"", "\"threadId\":" + thread);

        String inTopic = "{\"personId\":\"" + vera + "\",\"chatId\":\"" + group + "\",\"threadId\":" + thread;
        assertThat(post("/api/send", self, origin, "application/json", inTopic + ",\"text\":\"беру\"}").status())
                .isEqualTo(200);
        assertThat(post("/api/upload", self, origin, "application/json", inTopic
                + ",\"name\":\"a.png\",\"type\":\"image/png\",\"data\":\"AQID\"}").status()).isEqualTo(200);
        int first = telegram.events(0, Duration.ZERO).stream().filter(e -> e.type().equals("message")).findFirst()
                .orElseThrow().messageId();
        assertThat(post("/api/send", self, origin, "application/json", "{\"personId\":\"" + vera + "\",\"chatId\":\""
                + group + "\",\"text\":\"a reply\",\"replyTo\":" + first + "}").status()).isEqualTo(200);
        assertThat(post("/api/send", self, origin, "application/json", "{\"personId\":\"" + vera + "\",\"chatId\":\""
                + group + "\",\"text\":\"to General\"}").status()).isEqualTo(200);
        assertThat(telegram.events(0, Duration.ZERO)).filteredOn(e -> e.type().equals("message"))
                .extracting(ChatEvent::text, ChatEvent::threadId)
                .containsExactly(tuple("беру", thread), tuple("", thread), tuple("a reply", thread), tuple("to General", 0));

        // a topic that is not there, or closed, takes nothing
        assertThat(post("/api/send", self, origin, "application/json", inTopic.replace(String.valueOf(thread), "999")
                + ",\"text\":\"x\"}").status()).isEqualTo(400);
        telegram.closeTopic(SandboxPeople.ADMIN, group, thread);
        Response closed = post("/api/send", self, origin, "application/json", inTopic + ",\"text\":\"x\"}");
        assertThat(closed.status()).isEqualTo(400);
        assertThat(closed.body()).contains("the topic is closed");
        assertThat(telegram.events(0, Duration.ZERO)).filteredOn(e -> e.text().equals("x")).isEmpty();
    }

    @Test
    void badInputIsAnsweredAndChangesNothing() throws Exception {
        String origin = "http://" + self;
        String maxim = String.valueOf(SandboxPeople.MAXIM.id());
        String group = String.valueOf(SandboxPeople.VOLUNTEER_GROUP);
        for (String body : List.of("not json", "[]", "{\"personId\":\"1\",\"chatId\":\"1\",\"text\":\"x\"}",
                "{\"personId\":\"" + ANNA + "\",\"chatId\":\"" + maxim + "\",\"text\":\"x\"}",
                "{\"personId\":\"" + ANNA + "\",\"chatId\":\"" + group + "\",\"text\":\"x\"}",
                "{\"personId\":\"" + ANNA + "\",\"chatId\":\"" + ANNA + "\",\"text\":\"  \"}")) {
            assertThat(post("/api/send", self, origin, "application/json", body).status()).as(body).isEqualTo(400);
        }
        assertThat(post("/api/upload", self, origin, "application/json", "{\"personId\":\"" + ANNA
                + "\",\"chatId\":\"" + ANNA + "\",\"name\":\"a\",\"data\":\"%%%\"}").status()).isEqualTo(400);
        assertThat(post("/api/send", self, origin, "application/json", "{\"text\":\"" + "x".repeat(70_000) + "\"}")
                .status()).isEqualTo(413);
        assertNothingReachedTheBot();
    }

    private void assertNothingReachedTheBot() throws InterruptedException {
        assertThat(telegram.pendingUpdates()).isZero();
        assertThat(telegram.events(0, Duration.ZERO)).isEmpty();
        assertThat(telegram.isForum(SandboxPeople.VOLUNTEER_GROUP)).isFalse();
    }

    private String botSays(long chatId, String json) throws Exception {
        return botSays(chatId, "sendMessage", json);
    }

    private String botSays(long chatId, String method, String json) throws Exception {
        telegram.openChat(chatId);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(telegram.url() + "/bot" + TOKEN
                        + "/" + method)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private Response post(String path, String host, String origin, String type, String body) throws IOException {
        return request("POST " + path, host, origin, type, body);
    }

    /** One HTTP/1.1 request with exactly these headers (null leaves one out). */
    private Response request(String line, String host, String origin, String type, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(line).append(" HTTP/1.1\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host);
        headers.put("Origin", origin);
        headers.put("Content-Type", type);
        headers.put("Content-Length", body == null ? null : String.valueOf(content.length));
        headers.put("Connection", "close");
        headers.forEach((name, value) -> {
            if (value != null) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        head.append("\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(content);
                out.flush();
            } catch (IOException refusedBeforeReading) {
                // the server may answer and close before it takes a large body
            }
            return Response.parse(socket.getInputStream());
        }
    }

    private record Response(int status, Map<String, String> headers, String body) {
        static Response parse(InputStream in) throws IOException {
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String[] parts = raw.split("\r\n\r\n", 2);
            List<String> lines = new ArrayList<>(List.of(parts[0].split("\r\n")));
            int status = Integer.parseInt(lines.remove(0).split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            lines.forEach(h -> headers.put(h.substring(0, h.indexOf(':')).trim().toLowerCase(),
                    h.substring(h.indexOf(':') + 1).trim()));
            return new Response(status, headers, parts.length > 1 ? parts[1] : "");
        }
    }
}
