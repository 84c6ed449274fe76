package org.relohelp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.relohelp.RelohelpApplication;
import org.relohelp.TestChats;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.BotMessage;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sandbox, started as {@code main} starts it (no token), works on its own copy of the knowledge base under its
 * data folder: a draft approved in it is published there, and the repository's config/knowledge is never written.
 */
class SandboxKnowledgeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aDraftApprovedInTheSandboxStaysInTheSandbox() throws IOException {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "sandbox-knowledge-");
        List<Path> repositoryBefore = files(Path.of("config/knowledge"));
        try (ConfigurableApplicationContext sandbox = RelohelpApplication.application().run(
                "--relohelp.telegram.token=", "--relohelp.data-dir=" + data, "--relohelp.sandbox.port=0",
                "--relohelp.management.port=0")) {
            Path own = data.resolve("sandbox");
            assertThat(own.resolve("knowledge/kz/kz-tax-id.ru.md")).exists();
            TestChats chats = new TestChats(sandbox.getBean(BotApiEmulator.class), WAIT, 0);

            BotMessage article = chats.ask(SandboxPeople.ANNA, "как получить иин в казахстане");
            chats.press(SandboxPeople.ANNA, article, article.button("волонтёр").orElseThrow().callbackData());
            chats.awaitMessageWith(SandboxPeople.ANNA.id(), "Передать волонтёрам"); // or write another
            long ticket = number(chats.ask(SandboxPeople.ANNA, "Как сделать ветпаспорт котёнку?").text());
            chats.ask(SandboxPeople.VOLUNTEER, "/take " + ticket);
            chats.awaitMessageWith(SandboxPeople.VOLUNTEER.id(), "Гость #" + ticket);
            int answer = sandbox.getBean(BotApiEmulator.class).sendText(SandboxPeople.VOLUNTEER,
                    "Ветпаспорт выдают в ветклинике за один день.");
            chats.awaitMessageWith(SandboxPeople.ANNA.id(), "ветклинике");
            long draft = number(chats.reply(SandboxPeople.VOLUNTEER, answer, "/savekb").text());
            BotMessage shown = chats.ask(SandboxPeople.ADMIN, "/drafts");
            assertThat(chats.press(SandboxPeople.ADMIN, shown, "draft:ok:" + draft)).isEqualTo("Опубликовано");

            try (Stream<Path> published = Files.list(own.resolve("knowledge-drafts"))) {
                assertThat(published.map(p -> p.getFileName().toString()))
                        .singleElement().asString().startsWith("draft-").endsWith("-" + draft + ".ru.md");
            }
        }
        assertThat(files(Path.of("config/knowledge"))).isEqualTo(repositoryBefore);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.sorted().toList();
        }
    }

    private static long number(String text) {
        Matcher m = Pattern.compile("#(\\d+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(1));
    }
}
