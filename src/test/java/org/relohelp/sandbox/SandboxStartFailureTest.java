package org.relohelp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.relohelp.RelohelpApplication;

/** The sandbox started with a wrong setting: the program says why and ends, instead of hanging on without a word. */
class SandboxStartFailureTest {

    @Test
    void aWrongSettingEndsTheProgram() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "sandbox-failure-");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RelohelpApplication.class.getName())
                .directory(new File(".")).redirectErrorStream(true).redirectOutput(data.resolve("bot.log").toFile());
        builder.environment().remove("TELEGRAM_BOT_TOKEN");
        builder.environment().put("RELOHELP_DATA_DIR", data.toString());
        builder.environment().put("RELOHELP_MANAGEMENT_PORT", "0");
        builder.environment().put("RELOHELP_SANDBOX_PORT", "0");
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
}
