package org.relohelp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.relohelp.RelohelpApplication;

/** The sandbox as its own process, as a person starts it without a token: how it ends, badly and well. */
class SandboxProcessTest {

    /** A wrong setting: the program says why and ends, instead of hanging on without a word. */
    @Test
    void aWrongSettingEndsTheProgram() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "sandbox-failure-");
        ProcessBuilder builder = sandbox(data);
        builder.environment().put("RELOHELP_KNOWLEDGE_STALEREPORTZONE", "Nowhere/Atlantis");
        Process bot = builder.start();
        try {
            assertThat(bot.waitFor(180, TimeUnit.SECONDS)).as("the program ends after the failed start").isTrue();
            assertThat(bot.exitValue()).isNotZero();
            assertThat(Files.readString(data.resolve("bot.log"))).contains("Nowhere/Atlantis");
        } finally {
            bot.destroyForcibly();
        }
    }

    /**
     * Ctrl+C (here SIGTERM, which takes the same way out): one line says the bot stopped, and nothing is logged as
     * an error. The emulator used to be closed first, so the poller's waiting getUpdates ended with "Connection
     * reset", which the library logs as an ERROR with a stack trace.
     */
    @Test
    void aStopIsClean() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "sandbox-stop-");
        Path log = data.resolve("bot.log");
        Process bot = sandbox(data).start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                    .until(() -> read(log).contains("Polling the Bot API"));
            Thread.sleep(1_000); // a getUpdates call is waiting at the emulator, as it is whenever the bot is idle
            bot.destroy();
            assertThat(bot.waitFor(30, TimeUnit.SECONDS)).as("stops within 30 s of SIGTERM").isTrue();
            String stopping = read(log).substring(read(log).indexOf("Polling the Bot API"));
            assertThat(stopping).contains("Stopped: polling ended").doesNotContain(" ERROR ", "Exception");
        } finally {
            bot.destroyForcibly();
        }
    }

    private static ProcessBuilder sandbox(Path data) {
        return sandbox(data, 0, 0);
    }

    /**
     * The application started as a person starts it without a token (the sandbox), on its own data folder, its page
     * on {@code port} and its emulated Bot API on {@code botApiPort} (0: any free one), logging to bot.log there.
     */
    static ProcessBuilder sandbox(Path data, int port, int botApiPort) {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RelohelpApplication.class.getName())
                .directory(new File(".")).redirectErrorStream(true).redirectOutput(data.resolve("bot.log").toFile());
        builder.environment().remove("TELEGRAM_BOT_TOKEN");
        builder.environment().put("RELOHELP_DATA_DIR", data.toString());
        builder.environment().put("RELOHELP_MANAGEMENT_PORT", "0");
        builder.environment().put("RELOHELP_SANDBOX_PORT", String.valueOf(port));
        builder.environment().put("RELOHELP_SANDBOX_BOT_API_PORT", String.valueOf(botApiPort));
        return builder;
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
