package org.relohelp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** RELOHELP_DB_KEY encrypts the database files; a wrong key is refused with a clear message. */
class EncryptedDatabaseTest {

    @Test
    void theRightKeyOpensTheDatabaseAndAWrongOneIsRefusedClearly() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "encrypted-data-");
        try (ConfigurableApplicationContext first = start(data, "first secret key")) {
            first.getBean(JdbcClient.class).sql("insert into unanswered_question (question, language, asked_at) "
                    + "values ('Распознаваемая строка в базе', 'ru', current_timestamp)").update();
        }
        byte[] file = Files.readAllBytes(data.resolve("relohelp.mv.db"));
        assertThat(new String(file, StandardCharsets.UTF_8)).doesNotContain("Распознаваемая", "unanswered_question");

        Throwable wrongKey = catchThrowable(() -> start(data, "another key").close());
        assertThat(wrongKey).isNotNull();
        FailureAnalysis analysis = new DatabaseKeyFailure().analyze(wrongKey);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("encryption key");
        assertThat(analysis.getAction()).contains("RELOHELP_DB_KEY");
        assertThat(catchThrowable(() -> start(data, null).close())).isNotNull();

        try (ConfigurableApplicationContext again = start(data, "first secret key")) {
            assertThat(again.getBean(JdbcClient.class).sql("select count(*) from unanswered_question")
                    .query(Integer.class).single()).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Path data, String key) {
        return new SpringApplicationBuilder(RelohelpApplication.class).run(
                "--relohelp.telegram.token=1:encrypted-test",
                "--relohelp.telegram.api-url=http://127.0.0.1:9",
                "--relohelp.data-dir=" + data,
                "--relohelp.management.port=0",
                "--relohelp.database-key=" + (key == null ? "" : key),
                "--spring.main.keep-alive=false");
    }
}
