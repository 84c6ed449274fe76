package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.relohelp.RelohelpApplication;
import org.relohelp.sandbox.SandboxLauncher;

/** With the sandbox switched off, a missing token stops the program at once with one line saying what to set. */
class StartUpTest {

    @Test
    void withoutATokenAndWithoutTheSandboxItExitsWithOneClearLine() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RelohelpApplication.class.getName())
                .directory(new File(".")).redirectErrorStream(true);
        builder.environment().remove("TELEGRAM_BOT_TOKEN");
        builder.environment().put("RELOHELP_DATA_DIR", "target/no-token-data");
        builder.environment().put("RELOHELP_SANDBOX", "false");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue()).isEqualTo(SandboxLauncher.EXIT_NO_TOKEN);
        assertThat(output.lines()).hasSize(1);
        assertThat(output).contains("TELEGRAM_BOT_TOKEN");
    }
}
