package org.relohelp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The backup and restore commands of docs/operations.md, run exactly as written there (each block after a
 * {@code <!-- BackupRestoreTest: name -->} line, by bash) on the data of a real bot: a ticket a volunteer holds and an
 * article published from the volunteer's answer (a row in the database and a file in the data folder). The backup is
 * restored into a new data folder (H2) or an emptied schema (PostgreSQL); the rows and the file are back, and the bot
 * started on the restored data still knows the ticket and answers from the article. The PostgreSQL part runs when
 * RELOHELP_TEST_POSTGRES_* name a server (CI), with pg_dump, pg_restore and psql on the PATH, in a schema of its own.
 */
class BackupRestoreTest {

    private static final Path OPERATIONS = Path.of("docs/operations.md");
    private static final Pattern BLOCK = Pattern.compile("<!-- BackupRestoreTest: ([a-z0-9-]+) -->\\R```bash\\R(.*?)```",
            Pattern.DOTALL);
    private static final String TOKEN = "717171:backup-test-token";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long GROUP = -1_007_000_000_001L;
    private static final String SCHEMA = "backup_test";
    private static final String DESCRIPTION = "May I keep a parrot cage in the flat I rent from my landlord in Tbilisi?";
    private static final String ANSWER = "Yes, if the lease allows pets: ask the landlord to write the parrot into it.";

    private final EmulatedUser admin = new EmulatedUser(7_100_000_001L, "Admin", "en");
    private final EmulatedUser refugee = new EmulatedUser(7_100_000_002L, "Emma", "en");
    private final EmulatedUser volunteer = new EmulatedUser(7_100_000_003L, "Vera", "en");
    private final EmulatedUser newcomer = new EmulatedUser(7_100_000_004L, "Max", "en");

    /** What the bot made before the backup. */
    private record Made(long ticket, String articleId, String file) {
    }

    @Test
    void h2TheDataFolderArchivedWhileTheBotIsStoppedAndRestoredIntoANewOne() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "the documented commands need bash and tar");
        Path data = tempDir("backup-h2-data-");
        Path restored = tempDir("backup-h2-restored-").resolve("data");
        Path backup = tempDir("backup-h2-files-").resolve("relohelp-backup");
        try (BotApiEmulator telegram = BotApiEmulator.start(TOKEN, 0)) {
            telegram.openChat(GROUP);
            Made made;
            try (ConfigurableApplicationContext bot = start(telegram, data, List.of())) {
                made = ticketAndArticle(telegram);
            }
            Map<String, String> env = Map.of("RELOHELP_DATA_DIR", data.toString(), "BACKUP", backup.toString());
            run("h2-backup", env);
            run("h2-restore", Map.of("RELOHELP_DATA_DIR", restored.toString(), "BACKUP", backup.toString()));

            try (Connection db = DriverManager.getConnection(DataDirectory.url(restored.toString()), "relohelp", "")) {
                theRowsAreBack(JdbcClient.create(new SingleConnectionDataSource(db, true)), made);
            }
            assertThat(restored.resolve("knowledge-drafts").resolve(made.file())).isRegularFile();
            assertThat(restored.resolve("knowledge")).doesNotExist(); // remade from the jar at every start
            try (ConfigurableApplicationContext bot = start(telegram, restored, List.of())) {
                theBotGoesOn(telegram, made);
            }
        }
    }

    @Test
    @ExtendWith(PostgresServer.Configured.class)
    void postgresDumpedAndRestoredIntoAnEmptiedSchemaWithTheDraftsFolder() throws Exception {
        PostgresServer.requireConfigured();
        String url = PostgresServer.emptySchema(SCHEMA);
        Path data = tempDir("backup-pg-data-");
        Path restored = tempDir("backup-pg-restored-").resolve("data");
        Path backup = tempDir("backup-pg-files-").resolve("relohelp-backup");
        List<String> postgres = List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresServer.user(),
                "--spring.datasource.password=" + PostgresServer.password());
        try (BotApiEmulator telegram = BotApiEmulator.start(TOKEN, 0)) {
            telegram.openChat(GROUP);
            Made made;
            try (ConfigurableApplicationContext bot = start(telegram, data, postgres)) {
                made = ticketAndArticle(telegram);
            }
            run("postgres-backup", postgresEnv(data, backup));
            try (Connection db = DriverManager.getConnection(url, PostgresServer.user(), PostgresServer.password())) {
                db.createStatement().execute("drop schema " + SCHEMA + " cascade"); // the database is lost
            }
            run("postgres-restore", postgresEnv(restored, backup));

            try (Connection db = DriverManager.getConnection(url, PostgresServer.user(), PostgresServer.password())) {
                theRowsAreBack(JdbcClient.create(new SingleConnectionDataSource(db, true)), made);
            }
            assertThat(restored.resolve("knowledge-drafts").resolve(made.file())).isRegularFile();
            try (ConfigurableApplicationContext bot = start(telegram, restored, postgres)) {
                theBotGoesOn(telegram, made);
            }
        } finally {
            PostgresServer.emptySchema(SCHEMA);
        }
    }

    /**
     * A refugee's ticket, taken by a volunteer invited by the admin; the volunteer's answer saved with /savekb and
     * approved by the admin, which publishes it as an article.
     */
    private Made ticketAndArticle(BotApiEmulator telegram) {
        telegram.sendText(admin, "/invite");
        Matcher invite = Pattern.compile("start=(inv_\\S+)").matcher(telegram.awaitBotMessage(admin.id(),
                m -> m.text().contains("start=inv_"), WAIT).text());
        assertThat(invite.find()).isTrue();
        telegram.sendText(volunteer, "/start " + invite.group(1));
        telegram.awaitBotMessage(volunteer.id(), m -> m.text().contains("Welcome"), WAIT);

        telegram.sendText(refugee, "/human");
        telegram.awaitBotMessage(refugee.id(), m -> m.text().startsWith("Describe"), WAIT);
        telegram.sendText(refugee, DESCRIPTION);
        long ticket = number(telegram.awaitBotMessage(refugee.id(), m -> m.text().contains("created"), WAIT).text(),
                "Request #(\\d+) created");
        telegram.sendText(volunteer, "/take " + ticket);
        telegram.awaitBotMessage(volunteer.id(), m -> m.text().contains("Request #" + ticket + ": "), WAIT);
        int answer = telegram.sendText(volunteer, ANSWER);
        telegram.awaitBotMessage(refugee.id(), m -> m.text().contains(ANSWER), WAIT);

        telegram.sendReply(volunteer, volunteer.id(), answer, "/savekb");
        long draft = number(telegram.awaitBotMessage(volunteer.id(), m -> m.text().startsWith("Saved as draft"), WAIT)
                .text(), "draft #(\\d+)");
        telegram.sendText(admin, "/drafts");
        BotMessage shown = telegram.awaitBotMessage(admin.id(), m -> m.text().contains("Draft #" + draft)
                && !m.buttons().isEmpty(), WAIT);
        String pressed = telegram.press(admin, shown, "draft:ok:" + draft);
        assertThat(telegram.awaitCallbackAnswer(pressed, WAIT)).as(shown.text()).contains("Published");
        String published = telegram.awaitBotMessage(admin.id(), m -> m.text().contains("is published as the file"),
                WAIT).text();
        Matcher file = Pattern.compile("(draft-\\d{8}-\\d+)\\.en\\.md").matcher(published);
        assertThat(file.find()).as(published).isTrue();
        return new Made(ticket, file.group(1), file.group());
    }

    private void theRowsAreBack(JdbcClient db, Made made) {
        assertThat(db.sql("select status, description from ticket where id = ?").param(made.ticket())
                .query((row, n) -> row.getString(1) + " " + row.getString(2)).single())
                .isEqualTo("ASSIGNED " + DESCRIPTION);
        assertThat(db.sql("select file, retired from article where article_id = ?").param(made.articleId())
                .query((row, n) -> row.getString(1) + " " + row.getBoolean(2)).single())
                .isEqualTo(made.file() + " false");
        assertThat(db.sql("select count(*) from volunteer where user_id = ?").param(volunteer.id())
                .query(Integer.class).single()).isOne();
    }

    /** The refugee's ticket is still open; a newcomer's question is answered from the restored article. */
    private void theBotGoesOn(BotApiEmulator telegram, Made made) {
        telegram.sendText(refugee, "/human");
        telegram.awaitBotMessage(refugee.id(), m -> m.text().startsWith("You already have request #" + made.ticket()),
                WAIT);
        telegram.sendText(newcomer, DESCRIPTION);
        assertThat(telegram.awaitBotMessages(newcomer.id(), 1, WAIT).get(0).text()).contains(ANSWER);
    }

    private ConfigurableApplicationContext start(BotApiEmulator telegram, Path data, List<String> more)
            throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--relohelp.telegram.token=" + TOKEN,
                "--relohelp.telegram.api-url=" + telegram.url(),
                "--relohelp.telegram.poll-timeout=2s",
                "--relohelp.data-dir=" + data,
                // never the repository's knowledge folder, whatever config/application.yml says
                "--relohelp.knowledge.dir=" + TestChats.knowledgeCopy(tempDir("backup-knowledge-").resolve("kb")),
                "--relohelp.management.port=0",
                "--relohelp.handoff.admin-ids=" + admin.id(),
                "--relohelp.handoff.volunteer-chat-id=" + GROUP));
        args.addAll(more);
        return new SpringApplicationBuilder(RelohelpApplication.class).run(args.toArray(String[]::new));
    }

    /** libpq's variables for the test server, the schema, and where the data folder and the backup are. */
    private static Map<String, String> postgresEnv(Path data, Path backup) {
        URI server = URI.create(System.getenv("RELOHELP_TEST_POSTGRES_URL").substring("jdbc:".length()));
        return Map.of("PGHOST", server.getHost(),
                "PGPORT", String.valueOf(server.getPort() < 0 ? 5432 : server.getPort()),
                "PGDATABASE", server.getPath().substring(1),
                "PGUSER", PostgresServer.user(),
                "PGPASSWORD", PostgresServer.password(),
                "SCHEMA", SCHEMA,
                "RELOHELP_DATA_DIR", data.toString(),
                "BACKUP", backup.toString());
    }

    /** Runs the documented block with bash, stopping at the first command that fails. */
    private static void run(String name, Map<String, String> env) throws IOException, InterruptedException {
        String block = blocks().get(name);
        assertThat(block).as("docs/operations.md has the block " + name).isNotNull();
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", block).redirectErrorStream(true);
        bash.environment().keySet().removeIf(key -> key.startsWith("PG") || key.equals("SCHEMA")
                || key.equals("BACKUP") || key.startsWith("RELOHELP_"));
        bash.environment().putAll(env);
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(name + ":\n" + block + "\n" + output).isZero();
    }

    private static Map<String, String> blocks() throws IOException {
        Map<String, String> blocks = new java.util.HashMap<>();
        Matcher block = BLOCK.matcher(Files.readString(OPERATIONS, StandardCharsets.UTF_8));
        while (block.find()) {
            blocks.put(block.group(1), block.group(2));
        }
        return blocks;
    }

    private static long number(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static Path tempDir(String prefix) throws IOException {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target")), prefix);
    }
}
