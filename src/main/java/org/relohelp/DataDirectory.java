package org.relohelp;

import java.nio.file.Path;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Points the embedded H2 database at {@code relohelp.data-dir} ({@code RELOHELP_DATA_DIR}, default ./data).
 * H2 refuses paths relative to the working directory, so the folder is made absolute here; an explicit
 * {@code spring.datasource.url} (another database: the postgres profile) is left alone. With {@code RELOHELP_DB_KEY}
 * set, the files are encrypted with H2's AES cipher: H2 then takes "file-key user-password" as the password.
 * {@code WRITE_DELAY=100}: H2 writes commits to the file in the background every 100 ms (its default is 500), and
 * before anything leaves for Telegram the bot forces out what is committed (telegram's {@code WriteAhead}), so a
 * killed process loses only work nobody outside has seen. {@code QUERY_CACHE_SIZE}: H2
 * keeps 8 parsed statements per connection by default, fewer than an update runs, so it parsed SQL again and again.
 * {@code TRACE_LEVEL_FILE=0}: H2 would write every failed call, with its message (which may quote a statement's
 * values: people's words) and a stack trace, to {@code relohelp.trace.db}; errors reach the log as exceptions anyway.
 * {@code CACHE_SIZE=4096}: H2 keeps the pages it reads from the file in a cache of 16 MB by default, a tenth of the
 * bot's heap, full for good after a burst. 4 MB answered as many updates per second in the delivery benchmark
 * (docs/performance.md).
 */
@Configuration(proxyBeanMethods = false)
class DataDirectory {

    /** The user H2 files are created with (application.yml); the sandbox's file must open whatever profile runs. */
    static final String H2_USER = "relohelp";

    /** H2's page cache, in KB. */
    static final int CACHE_KB = 4096;

    @Bean
    static BeanPostProcessor dataDirectoryDatabase(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof DataSourceProperties properties) {
                    choose(properties, environment);
                }
                return bean;
            }
        };
    }

    static void choose(DataSourceProperties properties, Environment environment) {
        String key = environment.getProperty("relohelp.database-key", "");
        boolean sandbox = environment.getProperty("relohelp.sandbox.active", Boolean.class, false);
        if (properties.getUrl() != null && !sandbox) {
            // the key encrypts H2's files only: ignoring it would leave someone believing their data encrypted
            if (!key.isBlank() && !properties.getUrl().startsWith("jdbc:h2:")) {
                throw new IllegalStateException("RELOHELP_DB_KEY encrypts the embedded H2 database only, and "
                        + "spring.datasource.url points elsewhere; unset RELOHELP_DB_KEY and encrypt on the database "
                        + "server's side.");
            }
            return;
        }
        if (properties.getUrl() != null) {
            // the sandbox's made-up people never go into a configured (real) database: it keeps its own H2 file
            properties.setUsername(H2_USER);
            properties.setPassword("");
        }
        properties.setUrl(url(environment.getProperty("relohelp.data-dir", "./data")) + (key.isBlank() ? "" : ";CIPHER=AES"));
        if (!key.isBlank()) {
            String userPassword = properties.getPassword() == null ? "" : properties.getPassword();
            properties.setPassword(key.strip() + " " + userPassword);
        }
    }

    static String url(String dataDir) {
        Path dir = Path.of(dataDir).toAbsolutePath().normalize();
        return "jdbc:h2:file:" + dir.resolve("relohelp").toString().replace('\\', '/') + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=100"
                + ";QUERY_CACHE_SIZE=100;TRACE_LEVEL_FILE=0"
                + ";CACHE_SIZE=" + CACHE_KB;
    }
}
