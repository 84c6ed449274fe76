package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relohelp.PostgresServer;
import org.relohelp.RelohelpApplication;
import org.relohelp.TcpProxy;
import org.relohelp.emulator.BotApiEmulator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bot on PostgreSQL, the server taken away for 15 s while 20 people write (through a proxy that breaks every
 * connection and refuses new ones, as a stopped server does), then back: every question answered once, polling
 * resumed by itself, health DOWN while it lasted.
 */
@ExtendWith(PostgresServer.Configured.class)
class FaultsOnPostgresTest {

    private static final String TOKEN = "858585:faults-postgres-token";

    @Test
    void thePostgresServerGoneFor15SecondsInABurstLosesNothingAndAnswersEachOnce() throws Exception {
        PostgresServer.requireConfigured();
        String url = PostgresServer.emptySchema("test_faults");
        URI server = URI.create(url.substring("jdbc:".length()));
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "faults-pg-");
        try (TcpProxy database = new TcpProxy(server.getPort());
             BotApiEmulator telegram = BotApiEmulator.start(TOKEN, 0)) {
            String throughProxy = url.replace(":" + server.getPort() + "/", ":" + database.port() + "/");
            ConfigurableApplicationContext bot = new SpringApplicationBuilder(RelohelpApplication.class)
                    .profiles("postgres").run(
                            "--RELOHELP_DB_URL=" + throughProxy,
                            "--RELOHELP_DB_USER=" + PostgresServer.user(),
                            "--RELOHELP_DB_PASSWORD=" + PostgresServer.password(),
                            "--relohelp.telegram.token=" + TOKEN,
                            "--relohelp.telegram.api-url=" + telegram.url(),
                            "--relohelp.telegram.poll-timeout=2s",
                            "--relohelp.telegram.limits.per-chat=50",
                            "--relohelp.data-dir=" + data,
                            "--relohelp.management.port=-1");
            try {
                OutageScenario.run(telegram, database, new AtomicLong(8_500_000_000L),
                        () -> bot.getBean(DatabaseTrouble.class).health().getStatus());
                JdbcClient jdbc = bot.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select count(*) from inbox where handled_at is null").query(Integer.class)
                        .single()).isZero();
                assertThat(jdbc.sql("select count(*) from dead_letter").query(Integer.class).single()).isZero();
            } finally {
                database.restore();
                bot.close();
            }
        }
    }
}
