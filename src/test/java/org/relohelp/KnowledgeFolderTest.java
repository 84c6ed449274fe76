package org.relohelp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Which knowledge folder the bot reads, and that choosing one never deletes a folder someone configured. */
class KnowledgeFolderTest {

    @TempDir
    Path dir;

    @Test
    void withoutAFolderThePackagedKnowledgeBaseIsCopiedUnderTheDataFolder() throws IOException {
        Files.createDirectories(dir.resolve("data/knowledge/old"));
        Files.writeString(dir.resolve("data/knowledge/old/gone.ru.md"), "an article the jar no longer has");
        MockEnvironment environment = new MockEnvironment().withProperty("relohelp.data-dir", dir.resolve("data").toString());
        Path folder = KnowledgeFolder.choose(environment);
        assertThat(folder).isEqualTo(dir.resolve("data/knowledge").toAbsolutePath());
        assertThat(environment.getProperty("relohelp.knowledge.dir")).isEqualTo(folder.toString());
        assertThat(folder.resolve("kz/kz-tax-id.ru.md")).hasSameTextualContentAs(Path.of("config/knowledge/kz/kz-tax-id.ru.md"));
        assertThat(folder.resolve("stay-rules.yml")).exists();
        assertThat(folder.resolve("old")).doesNotExist();
        assertThat(KnowledgeFolder.hasArticles(folder)).isTrue();
    }

    @Test
    void aConfiguredFolderIsReadWhereItIs() throws IOException {
        Path own = Files.createDirectories(dir.resolve("mine/kz"));
        Files.writeString(own.resolve("a.ru.md"), "---");
        MockEnvironment environment = new MockEnvironment().withProperty("relohelp.knowledge.dir", dir.resolve("mine").toString())
                .withProperty("relohelp.data-dir", dir.resolve("data").toString());
        assertThat(KnowledgeFolder.choose(environment)).isEqualTo(dir.resolve("mine"));
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void theSandboxCopiesTheConfiguredFolderButNeverReplacesItWithItself() throws IOException {
        Path own = Files.createDirectories(dir.resolve("data/sandbox/knowledge/kz"));
        Files.writeString(own.resolve("a.ru.md"), "---");
        MockEnvironment environment = new MockEnvironment().withProperty("relohelp.sandbox.active", "true")
                .withProperty("relohelp.knowledge.dir", dir.resolve("data/sandbox/knowledge").toString())
                .withProperty("relohelp.data-dir", dir.resolve("data/sandbox").toString());
        assertThat(KnowledgeFolder.choose(environment)).isEqualTo(dir.resolve("data/sandbox/knowledge"));
        assertThat(own.resolve("a.ru.md")).exists();

        MockEnvironment elsewhere = new MockEnvironment().withProperty("relohelp.sandbox.active", "true")
                .withProperty("relohelp.knowledge.dir", dir.resolve("data/sandbox/knowledge").toString())
                .withProperty("relohelp.data-dir", dir.resolve("other").toString());
        assertThat(KnowledgeFolder.choose(elsewhere)).isEqualTo(dir.resolve("other/knowledge"));
        assertThat(dir.resolve("other/knowledge/kz/a.ru.md")).exists();
        assertThat(KnowledgeFolder.hasArticles(dir.resolve("nowhere"))).isFalse();
    }
}
