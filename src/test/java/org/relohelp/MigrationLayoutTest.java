package org.relohelp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * H2 databases in service were migrated with every script in db/migration. Since PostgreSQL came, the scripts
 * only one database can run live in db/vendor/&lt;vendor&gt; (V7 among them). Such a database must still validate:
 * Flyway compares version, description, type and a checksum of the script's content, never its folder.
 */
class MigrationLayoutTest {

    /**
     * The checksums H2 databases hold for V1..V7: Flyway's CRC32 of the scripts as released before PostgreSQL
     * (commit de3541a), computed from those files independently of this test.
     */
    private static final Map<String, Integer> RELEASED = Map.of("1", -886950365, "2", -757655022, "3", -918374335,
            "4", 1249053521, "5", 490583263, "6", 2079274677, "7", -1948206331);

    @TempDir
    Path dir;

    @Test
    void aDatabaseMigratedWithAllScriptsInOneFolderValidatesWithTheVendorFolders() throws IOException {
        Path oldLayout = Files.createDirectories(dir.resolve("migration"));
        for (String location : h2Locations()) {
            for (Resource script : new PathMatchingResourcePatternResolver()
                    .getResources(location.replace("classpath:", "classpath*:") + "/*.sql")) {
                try (InputStream in = script.getInputStream()) {
                    Files.copy(in, oldLayout.resolve(script.getFilename()));
                }
            }
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("relohelp").toAbsolutePath());
        Flyway.configure().dataSource(h2).locations("filesystem:" + oldLayout).load().migrate();

        Flyway now = Flyway.configure().dataSource(h2).locations(h2Locations()).load();
        assertThat(now.validateWithResult().validationSuccessful).isTrue();
        assertThat(now.info().pending()).isEmpty();
        Map<String, Integer> checksums = new TreeMap<>();
        Arrays.stream(now.info().applied()).filter(m -> RELEASED.containsKey(m.getVersion().getVersion()))
                .forEach(m -> checksums.put(m.getVersion().getVersion(), m.getChecksum()));
        assertThat(checksums).as("V1..V7 must stay byte for byte as released").isEqualTo(RELEASED);
        assertThat(Arrays.stream(now.info().applied()).map(MigrationInfo::getScript))
                .contains("V7__inbox_payload_varchar.sql");
    }

    /** spring.flyway.locations from application.yml, as the app resolves them on H2. */
    private static String[] h2Locations() throws IOException {
        Object locations = new YamlPropertySourceLoader().load("app", new ClassPathResource("application.yml")).get(0)
                .getProperty("spring.flyway.locations");
        return Arrays.stream(String.valueOf(locations).split(",")).map(String::strip)
                .map(l -> l.replace("{vendor}", "h2")).toArray(String[]::new);
    }
}
