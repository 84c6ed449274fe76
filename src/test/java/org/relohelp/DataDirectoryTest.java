package org.relohelp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.mock.env.MockEnvironment;

/** Which database the bot opens: H2 under the data folder unless another is configured, the sandbox always H2. */
class DataDirectoryTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/relohelp";

    @Test
    void aConfiguredDatabaseIsLeftAlone() {
        DataSourceProperties properties = properties(POSTGRES, "bot", "secret");
        DataDirectory.choose(properties, new MockEnvironment().withProperty("relohelp.data-dir", "target/x"));
        assertThat(properties.getUrl()).isEqualTo(POSTGRES);
        assertThat(properties.getPassword()).isEqualTo("secret");
    }

    @Test
    void aDatabaseKeyWithAnotherDatabaseIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> DataDirectory.choose(properties(POSTGRES, "bot", "secret"),
                new MockEnvironment().withProperty("relohelp.database-key", "k")))
                .hasMessageContaining("RELOHELP_DB_KEY").hasMessageNotContaining("secret");
    }

    @Test
    void theSandboxKeepsItsOwnH2FileWhateverDatabaseIsConfigured() {
        DataSourceProperties properties = properties(POSTGRES, "bot", "secret");
        DataDirectory.choose(properties, new MockEnvironment().withProperty("relohelp.sandbox.active", "true")
                .withProperty("relohelp.data-dir", "target/data/sandbox"));
        assertThat(properties.getUrl()).startsWith("jdbc:h2:file:").contains("target/data/sandbox/relohelp");
        assertThat(properties.getUsername()).isEqualTo("relohelp");
        assertThat(properties.getPassword()).isEmpty();
    }

    @Test
    void withoutAConfiguredDatabaseH2IsUsedAndEncryptedWithTheKey() {
        DataSourceProperties properties = properties(null, "relohelp", "");
        DataDirectory.choose(properties, new MockEnvironment().withProperty("relohelp.database-key", "k")
                .withProperty("relohelp.data-dir", "target/data"));
        assertThat(properties.getUrl()).startsWith("jdbc:h2:file:").endsWith(";CIPHER=AES");
        assertThat(properties.getPassword()).isEqualTo("k ");
    }

    /** H2's page cache would be 16 MB of the bot's 160 MB heap, and it stays full after a burst. */
    @Test
    void h2sPageCacheIsSmall() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "cache-");
        try (Connection connection = DriverManager.getConnection(DataDirectory.url(data.toString()),
                DataDirectory.H2_USER, ""); ResultSet setting = connection.createStatement().executeQuery(
                "select setting_value from information_schema.settings where setting_name = 'info.CACHE_MAX_SIZE'")) {
            assertThat(setting.next()).isTrue();
            assertThat(setting.getString(1)).as("MB").isEqualTo(String.valueOf(DataDirectory.CACHE_KB / 1024));
        }
    }

    private static DataSourceProperties properties(String url, String user, String password) {
        DataSourceProperties properties = new DataSourceProperties();
        properties.setUrl(url);
        properties.setUsername(user);
        properties.setPassword(password);
        return properties;
    }
}
