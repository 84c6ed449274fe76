package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.relohelp.KnowledgeFolder;
import org.relohelp.RelohelpApplication;
import org.relohelp.sandbox.SandboxLauncher;

/**
 * What the program needs before it starts, each missing piece one line saying what to set: a token (with the sandbox
 * switched off), and, with a token, articles to answer from.
 */
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

    @Test
    void withATokenAndNoArticlesItExitsWithOneClearLine() throws Exception {
        Path empty = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "no-articles-");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RelohelpApplication.class.getName())
                .directory(new File(".")).redirectErrorStream(true);
        builder.environment().put("TELEGRAM_BOT_TOKEN", "747474:no-articles-token");
        builder.environment().put("TELEGRAM_API_URL", "http://127.0.0.1:9"); // never reached: it must stop before
        builder.environment().put("RELOHELP_KNOWLEDGE_DIR", empty.toString());
        builder.environment().put("RELOHELP_DATA_DIR", empty.resolve("data").toString());
        builder.environment().put("RELOHELP_MANAGEMENT_PORT", "0");
        Process process = builder.start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stops by itself").isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(process.exitValue()).isEqualTo(KnowledgeFolder.EXIT_NO_ARTICLES);
            assertThat(output.lines()).hasSize(1);
            assertThat(output).contains("RELOHELP_KNOWLEDGE_DIR", empty.toString()).doesNotContain("747474");
        } finally {
            process.destroyForcibly();
        }
    }
}
