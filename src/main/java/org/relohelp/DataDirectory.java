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
 * {@code spring.datasource.url} (another database) is left alone. With {@code RELOHELP_DB_KEY} set, the files
 * are encrypted with H2's AES cipher: H2 then takes "file-key user-password" as the password.
 * {@code WRITE_DELAY=0} writes every commit to the file at once: with H2's default (500 ms) a killed process
 * loses its last half second of commits, updates confirmed to Telegram among them.
 */
@Configuration(proxyBeanMethods = false)
class DataDirectory {

    @Bean
    static BeanPostProcessor dataDirectoryDatabase(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof DataSourceProperties properties && properties.getUrl() == null) {
                    String key = environment.getProperty("relohelp.database-key", "");
                    properties.setUrl(url(environment.getProperty("relohelp.data-dir", "./data"))
                            + (key.isBlank() ? "" : ";CIPHER=AES"));
                    if (!key.isBlank()) {
                        String userPassword = properties.getPassword() == null ? "" : properties.getPassword();
                        properties.setPassword(key.strip() + " " + userPassword);
                    }
                }
                return bean;
            }
        };
    }

    static String url(String dataDir) {
        Path dir = Path.of(dataDir).toAbsolutePath().normalize();
        return "jdbc:h2:file:" + dir.resolve("relohelp").toString().replace('\\', '/') + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }
}
